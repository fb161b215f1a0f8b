// The template's functions as the sandbox hosts them, by logical id. Gateways
// and event sources look a function up here when an event comes, so they can
// start before the functions are hosted; a function is hosted once every
// service it may call is up, with its environment resolved at that moment.
import type { FunctionSpec } from '../template/model';
import type { PseudoParameters } from '../template/pseudo-parameters';
import { functionDir } from './build';
import { createFunctionHost, type FunctionHost } from './function-host';

export interface FunctionRegistry {
  /** Every function hosted so far; a live view. */
  readonly hosted: ReadonlyMap<string, FunctionHost>;
  /** The host of a function, or an error naming it when it is not hosted. */
  hostOf(logicalId: string): FunctionHost;
  /** Hosts one function; its environment is resolved now. */
  host(fn: FunctionSpec): FunctionHost;
  /** Awaited before every invocation, e.g. a pending rebuild. */
  waitBeforeInvoke(wait: () => Promise<void>): void;
  /** The next invocation of each of these functions starts a fresh environment. */
  retire(logicalIds: readonly string[]): void;
  /** The environment each hosted function was given, by logical id. */
  environments(): Record<string, Record<string, string>>;
}

export interface FunctionRegistryOptions {
  buildDir: string;
  pseudo: PseudoParameters;
  /** The template's variables resolved, plus what the services add. */
  environmentOf(fn: FunctionSpec): Record<string, string>;
  /** Every line of function output goes to this file. */
  logFile: string | undefined;
  /** Readable lines on the console too (not in quiet mode). */
  logToConsole: boolean;
  verbose: boolean;
}

export function createFunctionRegistry(options: FunctionRegistryOptions): FunctionRegistry {
  const hosts = new Map<string, FunctionHost>();
  const environments = new Map<string, Record<string, string>>();
  let beforeInvoke: (() => Promise<void>) | undefined;
  return {
    hosted: hosts,
    hostOf(logicalId) {
      const host = hosts.get(logicalId);
      if (!host) throw new Error(`No function ${logicalId}`);
      return host;
    },
    host(fn) {
      const environment = options.environmentOf(fn);
      environments.set(fn.logicalId, environment);
      const host = createFunctionHost({
        fn,
        codeDir: functionDir(options.buildDir, fn.logicalId),
        environment,
        functionName: fn.logicalId,
        region: options.pseudo.region,
        accountId: options.pseudo.accountId,
        logFile: options.logFile,
        logToConsole: options.logToConsole,
        verbose: options.verbose,
        beforeInvoke: () => beforeInvoke?.() ?? Promise.resolve(),
      });
      hosts.set(fn.logicalId, host);
      return host;
    },
    waitBeforeInvoke(wait) {
      beforeInvoke = wait;
    },
    retire(logicalIds) {
      for (const id of logicalIds) hosts.get(id)?.retire();
    },
    environments: () => Object.fromEntries(environments),
  };
}
