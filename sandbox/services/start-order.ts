// When each row of the services table starts: every module begins loading at
// once; a row starts as soon as the rows it needs were added to the context
// (by default every row above it, so the table reads as the start-up order);
// rows are still added in the table's order, so what a row gives reaches only
// the rows below it, whenever it started.
import type { SandboxContext, SandboxService, StartedService } from './contract';

/** When a row began starting and when its start resolved, in ms since the process began. */
export interface RowTiming {
  label: string;
  beganMs: number;
  readyMs: number;
}

interface RowStart {
  started: Promise<StartedService>;
  /** Its needs were added and its start was called. */
  begun: boolean;
  /** Handed to `add`: the caller stops it from then on. */
  claimed: boolean;
  markAdded: () => void;
  whenAdded: Promise<void>;
}

/** A promise whose rejection is not reported as unhandled while nobody awaits it yet. */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The rows a row waits for; an error when one is not above it (it would never be added first). */
export function needsOf(services: readonly SandboxService[], index: number): string[] {
  const service = services[index] as SandboxService;
  const above = services.slice(0, index).map(({ name }) => name);
  const needs = service.needs ?? above.slice(-1);
  const misplaced = needs.filter((name) => !above.includes(name));
  if (misplaced.length > 0) {
    throw new Error(`${service.name} needs ${misplaced.join(', ')}, which is not a row above it`);
  }
  return [...needs];
}

/** Every row's start, chained to its module and to the rows it needs being added. */
function beginRows(
  services: readonly SandboxService[],
  context: SandboxContext,
  timings: RowTiming[],
): RowStart[] {
  const rows: RowStart[] = [];
  services.forEach((service, index) => {
    const needs = needsOf(services, index).map(
      (name) => rows[services.findIndex((row) => row.name === name)]?.whenAdded,
    );
    let markAdded: () => void = () => undefined;
    const whenAdded = new Promise<void>((resolve) => (markAdded = resolve));
    const state = { begun: false, claimed: false, markAdded, whenAdded };
    const module = handledLater(service.load());
    const started = handledLater(
      Promise.all([module, ...needs]).then(async ([{ start }]) => {
        state.begun = true;
        const beganMs = performance.now();
        const running = await start(context);
        timings.push({ label: service.label, beganMs, readyMs: performance.now() });
        return running;
      }),
    );
    rows.push(Object.assign(state, { started }));
  });
  return rows;
}

/** Stops the rows that began but were never handed over (a start that failed). */
async function stopUnclaimed(rows: readonly RowStart[]): Promise<void> {
  const unclaimed = rows.filter((row) => row.begun && !row.claimed);
  await Promise.all(
    unclaimed.map((row) => row.started.then((started) => started.stop()).catch(() => undefined)),
  );
}

/**
 * Starts every row, each once the rows it needs were added, and hands each
 * started row to `add` in table order. When a start fails, the rows that
 * began but were not handed over yet are stopped before the error is rethrown.
 */
export async function startInOrder(
  services: readonly SandboxService[],
  context: SandboxContext,
  add: (service: SandboxService, started: StartedService) => void,
): Promise<RowTiming[]> {
  const timings: RowTiming[] = [];
  const rows = beginRows(services, context, timings);
  try {
    for (const [index, service] of services.entries()) {
      const row = rows[index] as RowStart;
      const started = await row.started;
      row.claimed = true;
      add(service, started);
      row.markAdded();
    }
  } catch (error) {
    await stopUnclaimed(rows);
    throw error;
  }
  return timings;
}
