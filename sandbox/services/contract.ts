// The one shape of every emulated piece of the sandbox: a module whose
// start(context) brings the piece up and says what it gives the rest (its
// endpoint, the variables it adds to every function's environment, its keys in
// outputs.json, resources the template can Ref) and how to stop it; and a row
// of the services table (table.ts) naming it, its port option and its place in
// the start-up order. The context carries what earlier rows produced.
import type { KeptState } from '../custom-resources/kept-results';
import type { EarlyDynamoDbLocal } from '../dynamodb/early-start';
import type { TimeToLiveDeletions } from '../dynamodb/time-to-live-deletions';
import type { SandboxNetwork } from '../network';
import type { IssuedCredentials } from '../iam/issued-credentials';
import type { FunctionRegistry } from '../runtime/function-registry';
import type { LocalSecrets } from '../secrets/local-secrets';
import type { PhysicalResources, SandboxModel } from '../template/model';
import type { PseudoParameters } from '../template/pseudo-parameters';
import type { ResolveContext } from '../template/resolve';

export interface SandboxOptions {
  templatePath: string;
  /** Where builds, logs, outputs.json and (unless inMemory) data go. */
  stateDir: string;
  inMemory: boolean;
  /** By service name (see services.ts); 0 or a missing one picks a free port. */
  ports: Readonly<Record<string, number>>;
  parameterOverrides: Record<string, string>;
  /** Function logs only in <stateDir>/logs/functions.log, none on the console. */
  quiet: boolean;
  /** Metric documents and debug lines on the console too (they are always in the log file). */
  verbose?: boolean;
  /** Rebuild functions and layers when their sources change. */
  watch: boolean;
  /** Wait before each retry of a failed asynchronous invocation; Lambda waits 1, then 2 minutes. */
  asyncRetryDelayMs?: number;
  /** Wait before each retry of a state machine's Retry; Step Functions uses the Retry's intervals. */
  stateRetryDelayMs?: number;
  /** Where the client-facing endpoints listen (default 127.0.0.1); internal services stay on loopback. */
  host?: string;
  /** The host written into URLs clients and functions get; see network.ts for the default. */
  publicHost?: string;
  log: (line: string) => void;
  /** Child processes spawned before the sandbox was loaded, for their rows to adopt. */
  early?: EarlyStarts;
}

/** What `npm start` spawns first, before the template is read (see sandbox/main.ts). */
export interface EarlyStarts {
  /** The dynamodb row's JVM; its port is the one `ports.dynamodb` names. */
  dynamoDbLocal?: EarlyDynamoDbLocal;
}

/** The command-line option that moves a service, with its default. */
export interface PortOption {
  /** Without the leading dashes, e.g. `sqs-port`. */
  flag: string;
  defaultPort: number;
  /** Shown in `npm start -- --help`. */
  description: string;
}

/** A row of the services table. */
export interface SandboxService {
  /** The key of this service in `SandboxOptions.ports` and `context.endpoints`. */
  name: string;
  /** What the service is, in port and error messages. */
  label: string;
  /** Services that listen on a port of their own; the others run inside the sandbox. */
  port?: PortOption;
  /**
   * The rows above it whose endpoints, environment or resources its start
   * uses: it starts as soon as those were added, so that a JVM boots while
   * bundles build. Without it, the row starts after the row above it; `[]`
   * starts it with the first row. What it gives still reaches only the rows below it.
   */
  needs?: readonly string[];
  /**
   * The variable that points functions at it (e.g. `AWS_ENDPOINT_URL_SQS`), set from its
   * port before anything starts so that functions hosted early name only local endpoints:
   * `http://127.0.0.1:<port>`, or the public host for a client-facing service. Its start
   * must give the same value.
   */
  endpointVariable?: { name: string; host?: 'public' };
  /**
   * The service's module, loaded only when the sandbox starts: reading the
   * table (for the usage text, or to start a sandbox process) loads no service.
   */
  load(): Promise<ServiceModule>;
}

/** What every service module exports. */
export interface ServiceModule {
  start(context: SandboxContext): Promise<StartedService>;
}

export interface StartedService {
  /** Where clients reach the service; later rows find it in `context.endpoints`. */
  endpoint?: string;
  /** Variables every function gets, e.g. `AWS_ENDPOINT_URL_SQS`. */
  environment?: Record<string, string>;
  /** Keys in outputs.json, e.g. `SqsEndpoint`. */
  outputs?: Record<string, string>;
  /** Physical ids and attributes of the template resources this service created or stands for. */
  resources?: PhysicalResources;
  /** Template parameter values the service answers for locally (e.g. endpoint parameters). */
  parameters?: Record<string, string>;
  /** Rewrites deployed URLs in function environments and outputs to this service's local ones. */
  localize?: (values: Record<string, string>) => Record<string, string>;
  /** The state it keeps in the data directory across restarts, by its actions' IAM prefix (`sns`). */
  keptStates?: Record<string, KeptState>;
  stop(): Promise<void>;
}

/** Where the sandbox keeps what it writes. */
export interface SandboxDirectories {
  state: string;
  /** Data of the local services; a temporary directory with --in-memory. */
  data: string;
  /** The data directory when data survives a restart; undefined with --in-memory. */
  persistentData: string | undefined;
  build: string;
  /** Quiet mode: the file function logs go to. */
  functionLogFile: string;
}

export interface SandboxContext {
  readonly model: SandboxModel;
  readonly pseudo: PseudoParameters;
  /** Resolves intrinsics; its resources and parameters grow as services start. */
  readonly resolve: ResolveContext;
  /** Every port-owning service's port, chosen (or checked free) before anything starts. */
  readonly ports: Readonly<Record<string, number>>;
  /** Started services' endpoints by service name. */
  readonly endpoints: Record<string, string>;
  /** What every function gets in its environment besides the template's variables. */
  readonly environment: Record<string, string>;
  /** The template's secrets and the local test push credentials, with their local values. */
  readonly secrets: LocalSecrets;
  /** Temporary credentials the identity pool issued; the REST gateway checks SigV4 against them. */
  readonly issuedCredentials: IssuedCredentials;
  /** The items the Time to Live row deleted, whose REMOVE records the stream mappings mark as TTL's. */
  readonly timeToLiveDeletions: TimeToLiveDeletions;
  /** The state services above keep across restarts, by IAM prefix: what kept custom resources rely on. */
  readonly keptStates: Readonly<Record<string, KeptState>>;
  /** The functions hosted so far; gateways look functions up here when a request comes. */
  readonly functions: FunctionRegistry;
  readonly directories: SandboxDirectories;
  /** Child processes spawned before the sandbox was loaded, for their rows to adopt. */
  readonly early: EarlyStarts;
  /**
   * Client-facing services (REST, WebSocket, S3, Cognito) listen on its bind
   * host and give URLs with its public host; the others ignore it.
   */
  readonly network: SandboxNetwork;
  readonly settings: {
    quiet: boolean;
    watch: boolean;
    asyncRetryDelayMs?: number;
    stateRetryDelayMs?: number;
  };
  /** The sandbox's own messages. */
  log(line: string): void;
  /** Request logs of gateways: silent in quiet mode. */
  accessLog(line: string): void;
  /** Applies every started service's `localize` to deployed URLs in these values. */
  localize(values: Record<string, string>): Record<string, string>;
  /** The port the table gave this service. */
  portOf(serviceName: string): number;
  /** The endpoint of a service that started earlier; an error when it has not. */
  endpointOf(serviceName: string): string;
}
