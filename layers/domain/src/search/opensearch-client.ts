import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';

/**
 * An OpenSearch Service client that signs every request (SigV4, service
 * `es`) with the function role's credentials, refreshed before they expire.
 * Create it once per cold start.
 */
export function createOpenSearchClient(options: { endpoint: string; region: string }): Client {
  const credentials = defaultProvider();
  return new Client({
    ...AwsSigv4Signer({
      region: options.region,
      service: 'es',
      getCredentials: () => credentials(),
    }),
    node: options.endpoint,
  });
}
