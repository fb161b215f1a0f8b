// S3 (sandbox/s3): fauxqs behind a signature-checking front with the
// template's buckets, objects archived unless --in-memory, and object events
// delivered as asynchronous invocations through the Lambda API. The front is
// client-facing (presigned URLs name it): it listens on --host, and functions
// get its public URL, which their presigned URLs then name.
import { withHost } from '../network';
import { localCredentials } from '../runtime/lambda-environment';
import { startLocalS3 } from '../s3/local-s3';
import type { SandboxContext, StartedService } from './contract';
import { orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const s3 = await startLocalS3({
    port: context.portOf('s3'),
    host: context.network.bindHost,
    region: context.pseudo.region,
    credentials: localCredentials,
    dataDir: context.directories.persistentData,
    log: context.log,
    accessLog: context.accessLog,
  });
  const stop = () => s3.stop();
  const resources = await orStop(stop, async () => {
    const buckets = await s3.ensureBuckets(context.model, context.resolve);
    s3.deliverEvents({
      model: context.model,
      lambdaEndpoint: context.endpointOf('lambda'),
      accountId: context.pseudo.accountId,
    });
    return buckets;
  });
  const endpoint = withHost(s3.endpoint, context.network.publicHost);
  return {
    endpoint,
    environment: { AWS_ENDPOINT_URL_S3: endpoint },
    outputs: { S3Endpoint: endpoint },
    resources,
    stop,
  };
}
