import type { FunctionHost } from './function-host';

// A function's ARN without its qualifier: the template names functions by
// their `live` alias (AutoPublishAlias) or a version, and the sandbox runs
// one local version of each, so every qualifier reaches the same host.
export function unqualifiedFunctionArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/** The host of the function `arn` names, whatever its qualifier; undefined when none has it. */
export function hostOfArn(
  hosts: ReadonlyMap<string, FunctionHost>,
  arn: string,
): FunctionHost | undefined {
  const unqualified = unqualifiedFunctionArn(arn);
  for (const host of hosts.values()) if (host.functionArn === unqualified) return host;
  return undefined;
}
