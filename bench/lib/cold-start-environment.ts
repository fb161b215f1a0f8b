import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { localCredentials, reservedVariables } from '../../sandbox/runtime/lambda-environment';
import type { FunctionSpec, PhysicalResources, SandboxModel } from '../../sandbox/template/model';
import { LOCAL_PSEUDO_PARAMETERS, localArn } from '../../sandbox/template/pseudo-parameters';
import { resolveEnvironment } from '../../sandbox/template/resolve';

// The variables a cold start sees: the template's (Globals included, so
// NODE_OPTIONS is the template's), with every resource named by a placeholder
// of the right shape and the sample values of events/env.json where it has
// them, and the Lambda service's reserved variables. Nothing is called at
// import time, so no endpoint is ever reached.

type SampleEnvironment = Record<string, Record<string, string>>;

const region = 'us-east-1';

export function readSampleEnvironment(file: string): SampleEnvironment {
  return JSON.parse(readFileSync(file, 'utf8')) as SampleEnvironment;
}

/** Any resource: its logical id for `!Ref` (a URL for queues), an ARN for any `!GetAtt`. */
function placeholderResources(): PhysicalResources {
  const placeholder = (logicalId: string) => ({
    ref: logicalId.endsWith('Queue')
      ? `https://sqs.${region}.amazonaws.com/${LOCAL_PSEUDO_PARAMETERS.accountId}/${logicalId}`
      : logicalId,
    attributes: new Proxy({} as Record<string, string>, {
      get: (_, attribute) =>
        localArn(LOCAL_PSEUDO_PARAMETERS, 'placeholder', `${logicalId}/${String(attribute)}`),
    }),
  });
  return new Proxy({} as PhysicalResources, {
    get: (_, logicalId) => placeholder(String(logicalId)),
  });
}

function templateVariables(fn: FunctionSpec, model: SandboxModel): Record<string, string> {
  return resolveEnvironment(fn, {
    parameters: model.parameters,
    resources: placeholderResources(),
    pseudo: LOCAL_PSEUDO_PARAMETERS,
    ...(model.conditions && { conditions: model.conditions }),
    ...(model.mappings && { mappings: model.mappings }),
  });
}

function literalVariables(fn: FunctionSpec): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fn.environment).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function lambdaVariables(name: string, file: string, memorySizeMb: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...reservedVariables({
      functionName: name,
      memorySizeMb,
      handler: 'handler.handler',
      region,
      taskRoot: dirname(file),
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: 'cold-start-bench',
      credentials: localCredentials,
    }),
  };
}

export function functionEnvironment(
  fn: FunctionSpec,
  model: SandboxModel,
  file: string,
  samples: SampleEnvironment,
): Record<string, string> {
  return {
    ...templateVariables(fn, model),
    ...samples.Parameters,
    ...samples[fn.logicalId],
    ...lambdaVariables(fn.logicalId, file, fn.memorySizeMb),
  };
}

/** The literal variables every function has alike: the Globals' (NODE_OPTIONS among them). */
function sharedVariables(model: SandboxModel): Record<string, string> {
  const [first, ...others] = model.functions.map(literalVariables);
  return Object.fromEntries(
    Object.entries(first ?? {}).filter(([name, value]) =>
      others.every((variables) => variables[name] === value),
    ),
  );
}

export function baselineEnvironment(model: SandboxModel, file: string): Record<string, string> {
  const memorySizeMb = model.functions[0]?.memorySizeMb ?? 512;
  return { ...sharedVariables(model), ...lambdaVariables('MinimalHandler', file, memorySizeMb) };
}

/** The same variables with source maps enabled at start-up or not, whatever NODE_OPTIONS says. */
export function withSourceMaps(
  env: Record<string, string>,
  enabled: boolean,
): Record<string, string> {
  const options = (env.NODE_OPTIONS ?? '')
    .split(/\s+/)
    .filter((option) => option !== '' && option !== '--enable-source-maps');
  if (enabled) options.push('--enable-source-maps');
  return { ...env, NODE_OPTIONS: options.join(' ') };
}
