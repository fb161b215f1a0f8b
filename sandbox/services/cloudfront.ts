// CloudFront (sandbox/cloudfront) in front of the media bucket: after the
// custom resources, whose key pair the template's public key names. Viewers
// get the distribution's objects only on URLs signed with a trusted key, as
// on AWS; functions' CreateInvalidation calls are recorded. Client-facing
// (apps download from it): it listens on --host, and deployed distribution
// URLs in functions' environments and outputs become its public URL.
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import {
  keyResources,
  readDistribution,
  type LocalDistribution,
} from '../cloudfront/distributions';
import { startLocalCloudFront, type StoredMedia } from '../cloudfront/server';
import { withHost } from '../network';
import { localCredentials } from '../runtime/lambda-environment';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const keys = keyResources(context.model, context.resolve);
  const resolve = {
    ...context.resolve,
    resources: { ...context.resolve.resources, ...keys.resources },
  };
  const distribution = readDistribution(context.model, resolve, keys.keys);
  if (!distribution) return { resources: keys.resources, stop: async () => undefined };
  const cloudFront = await startLocalCloudFront({
    port: context.portOf('cloudfront'),
    host: context.network.bindHost,
    distribution,
    publicUrl: (bound) => withHost(bound, context.network.publicHost),
    readObject: objectReader(context, distribution),
    keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
    log: context.accessLog,
  });
  const deployed = `https://${distribution.domainName}`;
  return {
    endpoint: cloudFront.url,
    environment: { AWS_ENDPOINT_URL_CLOUDFRONT: cloudFront.url },
    outputs: { CloudFrontEndpoint: cloudFront.url },
    resources: keys.resources,
    localize: (values) =>
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [
          name,
          value.split(deployed).join(cloudFront.url),
        ]),
      ),
    stop: () => cloudFront.stop(),
  };
}

/** The origin's objects through the local S3 endpoint, signed like any client's requests. */
function objectReader(
  context: SandboxContext,
  distribution: LocalDistribution,
): (key: string) => Promise<StoredMedia | undefined> {
  const s3 = new S3Client({
    endpoint: context.endpointOf('s3'),
    region: context.pseudo.region,
    forcePathStyle: true,
    credentials: localCredentials,
  });
  return async (key) => {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: distribution.bucket, Key: key }));
      return {
        body: Buffer.from((await object.Body?.transformToByteArray()) ?? []),
        contentType: object.ContentType ?? 'application/octet-stream',
      };
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof Error && error.name === 'NoSuchKey')) {
        return undefined;
      }
      throw error;
    }
  };
}
