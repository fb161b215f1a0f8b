// The template takes the CloudSearch domain's endpoints as parameters (no
// CloudFormation resource creates a domain); locally both are the sandbox's
// search endpoint, whatever was passed, so no function ever calls AWS.
const ENDPOINT_PARAMETERS = ['SearchDocumentEndpoint', 'SearchQueryEndpoint'];

/** Values for the endpoint parameters the template declares. */
export function localSearchParameters(
  declared: Record<string, string>,
  endpoint: string,
): Record<string, string> {
  return Object.fromEntries(
    ENDPOINT_PARAMETERS.filter((name) => name in declared).map((name) => [name, endpoint]),
  );
}
