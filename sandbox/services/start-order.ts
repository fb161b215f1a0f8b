// When each row of the services table starts: every module begins loading at
// once, an independent row begins starting at once, and any other row starts
// when the sandbox asks for it, after the rows above it were added to the context.
import type { SandboxContext, SandboxService, ServiceModule, StartedService } from './contract';

export interface ServiceStarts {
  /** The started service of this row: begun earlier when independent, else now. */
  next(service: SandboxService): Promise<StartedService>;
  /** Stops the independent rows that started but were never asked for (a start that failed). */
  stopUnclaimed(): Promise<void>;
}

/** A promise whose rejection is not reported as unhandled while nobody awaits it yet. */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export function beginStarts(
  services: readonly SandboxService[],
  context: SandboxContext,
): ServiceStarts {
  const modules = new Map<SandboxService, Promise<ServiceModule>>(
    services.map((service) => [service, handledLater(service.load())]),
  );
  const moduleOf = (service: SandboxService) => modules.get(service) ?? service.load();
  const early = new Map<SandboxService, Promise<StartedService>>(
    services
      .filter((service) => service.independent)
      .map((service) => [
        service,
        handledLater(moduleOf(service).then(({ start }) => start(context))),
      ]),
  );
  return {
    next(service) {
      const begun = early.get(service);
      early.delete(service);
      return begun ?? moduleOf(service).then(({ start }) => start(context));
    },
    async stopUnclaimed() {
      const unclaimed = [...early.values()];
      early.clear();
      await Promise.all(
        unclaimed.map((started) =>
          started.then((service) => service.stop()).catch(() => undefined),
        ),
      );
    },
  };
}
