// Starts one execution environment of a function: its variables (the
// process PATH, the template's, the local endpoints and Lambda's reserved
// ones, which win), its handler file as built, and a new log stream.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileCacheDirectory } from '../compile-cache';
import type { FunctionSpec } from '../template/model';
import { handlerModuleName } from './build';
import type { StartedEnvironment } from './environment-pool';
import { startEnvironment } from './execution-environment';
import { newLogStreamName, reservedVariables, type LocalCredentials } from './lambda-environment';
import type { LogOutput } from './log-output';
import { workerEntryFile } from './worker-entry';

export interface FunctionEnvironmentSettings {
  fn: Pick<FunctionSpec, 'handler' | 'memorySizeMb'>;
  /** Directory of the built function (LAMBDA_TASK_ROOT). */
  codeDir: string;
  environment: Record<string, string>;
  functionName: string;
  region: string;
  logGroupName: string;
  credentials: LocalCredentials;
  initTimeoutMs: number;
  logs: LogOutput;
}

/** The built module of the handler; esbuild may have written .mjs, .js or .cjs. */
function resolveHandlerFile(codeDir: string, handler: string): string {
  const { module } = handlerModuleName(handler);
  const candidates = ['.mjs', '.js', '.cjs'].map((extension) => join(codeDir, module + extension));
  return candidates.find((file) => existsSync(file)) ?? join(codeDir, `${module}.mjs`);
}

function variablesOf(
  settings: FunctionEnvironmentSettings,
  logStreamName: string,
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    // The runtime emulated is nodejs24.x, where SDK v3 has no Node version to warn
    // about; the sandbox process warns once about this machine's Node instead of
    // every execution environment repeating it at each cold start.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...settings.environment,
    ...reservedVariables({
      functionName: settings.functionName,
      memorySizeMb: settings.fn.memorySizeMb,
      handler: settings.fn.handler,
      region: settings.region,
      taskRoot: settings.codeDir,
      logGroupName: settings.logGroupName,
      logStreamName,
      credentials: settings.credentials,
    }),
  };
}

export async function startFunctionEnvironment(
  settings: FunctionEnvironmentSettings,
): Promise<StartedEnvironment> {
  const logStreamName = newLogStreamName();
  const handlerFile = resolveHandlerFile(settings.codeDir, settings.fn.handler);
  const env = variablesOf(settings, logStreamName);
  const environment = startEnvironment({
    entryFile: await workerEntryFile(),
    startData: {
      handlerFile,
      exportPath: handlerModuleName(settings.fn.handler).exportPath,
      enableSourceMaps: (env.NODE_OPTIONS ?? '').includes('--enable-source-maps'),
      compileCacheDirectory: compileCacheDirectory(),
    },
    env,
    memorySizeMb: settings.fn.memorySizeMb,
    logs: settings.logs,
    initTimeoutMs: settings.initTimeoutMs,
  });
  return { environment, logStreamName };
}
