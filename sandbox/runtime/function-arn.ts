// A function's ARN without its qualifier: the template names functions by
// their `live` alias (AutoPublishAlias) or a version, and the sandbox runs
// one local version of each, so every qualifier reaches the same host.
export function unqualifiedFunctionArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}
