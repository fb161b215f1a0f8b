// S3 for the sandbox: fauxqs's S3 API (in-process, in memory, no auth, no
// bucket configuration) behind a front that adds what S3 does and fauxqs
// does not (see s3-front.ts), with objects archived on disk between runs
// unless --in-memory, and event notifications to the template's functions.
import { join } from 'node:path';
import type { RunningService } from '../processes';
import { startLoopbackFauxqs } from '../queues/loopback-fauxqs';
import type { LocalCredentials } from '../runtime/lambda-environment';
import type { PhysicalResources, SandboxModel } from '../template/model';
import type { ResolveContext } from '../template/resolve';
import { createBackend } from './backend';
import { bucketResources, cloudFrontStandIns, readBuckets, type BucketSpec } from './buckets';
import {
  createS3Notifier,
  readS3NotificationTargets,
  type ObjectEvent,
} from './event-notifications';
import { createObjectArchive, noArchive } from './object-archive';
import { startS3Front } from './s3-front';

export interface LocalS3 extends RunningService {
  /** Creates the template's buckets (restoring archived objects) and returns their physical ids. */
  ensureBuckets(model: SandboxModel, ctx: ResolveContext): Promise<PhysicalResources>;
  /** From now on, object events reach the template's S3 event sources through the Lambda API. */
  deliverEvents(options: { model: SandboxModel; lambdaEndpoint: string; accountId: string }): void;
}

export async function startLocalS3(options: {
  port: number;
  /** Where the front listens; the backend stays on loopback. */
  host?: string;
  region: string;
  credentials: LocalCredentials;
  /** Where objects are archived between runs; undefined keeps nothing. */
  dataDir: string | undefined;
  log: (line: string) => void;
  /** The line per request; `log` unless given. */
  accessLog?: (line: string) => void;
}): Promise<LocalS3> {
  // The backend is internal: only the front checks signatures, so only the front may be reachable.
  const fauxqs = await startLoopbackFauxqs({ port: 0, region: options.region });
  const backend = createBackend(`http://127.0.0.1:${fauxqs.port}`);
  const archive = options.dataDir ? createObjectArchive(join(options.dataDir, 's3')) : noArchive;
  let buckets: BucketSpec[] = [];
  let onObjectEvent: (event: ObjectEvent) => void = () => undefined;
  const front = await startS3Front({
    port: options.port,
    ...(options.host !== undefined && { host: options.host }),
    backend,
    secrets: { [options.credentials.accessKeyId]: options.credentials.secretAccessKey },
    archive,
    corsOf: (bucket) => buckets.find((spec) => spec.bucketName === bucket)?.cors ?? [],
    onObjectEvent: (event) => onObjectEvent(event),
    log: options.log,
    accessLog: options.accessLog ?? options.log,
  }).catch(async (error: unknown) => {
    await fauxqs.stop();
    throw error;
  });

  return {
    endpoint: front.url,
    async ensureBuckets(model, ctx) {
      buckets = readBuckets(model, ctx);
      for (const bucket of buckets) {
        await backend.createBucket(bucket.bucketName);
        // Eight at a time: one by one, start-up waited on every round trip.
        const pending = archive.objectsOf(bucket.bucketName);
        const restoreNext = async (): Promise<void> => {
          for (let object = pending.pop(); object; object = pending.pop()) {
            const restored = await backend.put(bucket.bucketName, object.key, object);
            if (!restored.ok) {
              options.log(
                `[s3] could not restore ${bucket.bucketName}/${object.key}: ${restored.status}`,
              );
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, restoreNext));
      }
      return { ...bucketResources(buckets, ctx.pseudo), ...cloudFrontStandIns(model) };
    },
    deliverEvents({ model, lambdaEndpoint, accountId }) {
      const notifier = createS3Notifier({
        targets: readS3NotificationTargets(model),
        bucketNames: Object.fromEntries(
          buckets.map((bucket) => [bucket.logicalId, bucket.bucketName]),
        ),
        lambdaEndpoint,
        region: options.region,
        accountId,
        log: options.log,
      });
      onObjectEvent = (event) => notifier.notify(event);
    },
    async stop() {
      await front.close();
      await fauxqs.stop();
    },
  };
}
