// SDK v3 client settings for the sandbox's own calls to its local services.
import { localCredentials } from '../runtime/lambda-environment';
import { LOCAL_PSEUDO_PARAMETERS } from '../template/pseudo-parameters';

export function localClientConfig(endpoint: string) {
  return {
    endpoint,
    region: LOCAL_PSEUDO_PARAMETERS.region,
    credentials: {
      accessKeyId: localCredentials.accessKeyId,
      secretAccessKey: localCredentials.secretAccessKey,
    },
  };
}
