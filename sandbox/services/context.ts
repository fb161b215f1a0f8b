// Step 2 of a start: the template read, its local parameter values, the
// directories, the secrets and the resources no service has to create; then
// what each started service adds for the services after it.
import { join } from 'node:path';
import type { KeptState } from '../custom-resources/kept-results';
import { TimeToLiveDeletions } from '../dynamodb/time-to-live-deletions';
import { createIssuedCredentials } from '../iam/issued-credentials';
import { chooseNetwork } from '../network';
import { createFunctionRegistry } from '../runtime/function-registry';
import { createLocalSecrets } from '../secrets/local-secrets';
import { localPushSecrets } from '../secrets/push-credentials';
import { functionResources, layerResources, restApiResources } from '../template/local-resources';
import { LOCAL_PSEUDO_PARAMETERS } from '../template/pseudo-parameters';
import { resolveEnvironment, type ResolveContext } from '../template/resolve';
import { webSocketApiResources } from '../websocket-gateway/websocket-apis';
import type { SandboxContext, SandboxOptions, SandboxService, StartedService } from './contract';
import { prepareDirectories } from './directories';
import { parseLocalTemplate } from './local-template';
import type { Shutdown } from './shutdown';

export interface SandboxAssembly {
  context: SandboxContext;
  /** The started services' outputs, in the order they started. */
  outputs: Record<string, string>;
  /** Makes what a started service gives visible to the services after it. */
  add(service: SandboxService, started: StartedService): void;
}

export function createSandboxContext(
  options: SandboxOptions,
  ports: Readonly<Record<string, number>>,
  shutdown: Shutdown,
): SandboxAssembly {
  const pseudo = LOCAL_PSEUDO_PARAMETERS;
  const directories = prepareDirectories(options, shutdown);
  const model = parseLocalTemplate(options.templatePath, options.parameterOverrides, pseudo, {
    documentCache: join(directories.build, '.records', 'template-document.json'),
  });
  // The local test push credentials beside the template's secrets: push is on locally.
  const secrets = createLocalSecrets({
    secrets: [...model.secrets, ...localPushSecrets()],
    pseudo,
    dataDir: directories.persistentData,
  });
  const resolveContext: ResolveContext = {
    parameters: model.parameters,
    resources: {
      ...secrets.resources,
      ...functionResources(model, pseudo),
      ...layerResources(model, pseudo),
      ...restApiResources(model),
      ...webSocketApiResources(model),
    },
    pseudo,
    secrets: secrets.lookup,
    conditions: model.conditions,
    mappings: model.mappings,
  };
  const localizers: ((values: Record<string, string>) => Record<string, string>)[] = [];
  const localize = (values: Record<string, string>) =>
    localizers.reduce((localized, localizer) => localizer(localized), values);
  // Nothing local collects X-Ray segments.
  const environment: Record<string, string> = { POWERTOOLS_TRACE_ENABLED: 'false' };
  const endpoints: Record<string, string> = {};
  const keptStates: Record<string, KeptState> = {};
  const context: SandboxContext = {
    model,
    pseudo,
    resolve: resolveContext,
    ports,
    endpoints,
    environment,
    secrets,
    issuedCredentials: createIssuedCredentials(),
    timeToLiveDeletions: new TimeToLiveDeletions(),
    keptStates,
    functions: createFunctionRegistry({
      buildDir: directories.build,
      pseudo,
      environmentOf: (fn) =>
        localize({ ...resolveEnvironment(fn, resolveContext), ...environment }),
      logFile: directories.functionLogFile,
      logToConsole: !options.quiet,
      verbose: options.verbose ?? false,
    }),
    directories,
    early: options.early ?? {},
    network: chooseNetwork(options),
    settings: {
      quiet: options.quiet,
      watch: options.watch,
      ...(options.asyncRetryDelayMs !== undefined && {
        asyncRetryDelayMs: options.asyncRetryDelayMs,
      }),
      ...(options.stateRetryDelayMs !== undefined && {
        stateRetryDelayMs: options.stateRetryDelayMs,
      }),
    },
    log: options.log,
    accessLog: options.quiet ? () => undefined : options.log,
    localize,
    portOf(serviceName) {
      const port = ports[serviceName];
      if (port === undefined) throw new Error(`The services table gives ${serviceName} no port`);
      return port;
    },
    endpointOf(serviceName) {
      const endpoint = endpoints[serviceName];
      if (endpoint === undefined) throw new Error(`${serviceName} must start before this service`);
      return endpoint;
    },
  };

  const outputs: Record<string, string> = {};
  return {
    context,
    outputs,
    add(service, started) {
      if (started.endpoint !== undefined) endpoints[service.name] = started.endpoint;
      Object.assign(environment, started.environment);
      Object.assign(outputs, started.outputs);
      Object.assign(resolveContext.resources, started.resources);
      Object.assign(model.parameters, started.parameters);
      Object.assign(keptStates, started.keptStates);
      if (started.localize) localizers.push(started.localize);
    },
  };
}
