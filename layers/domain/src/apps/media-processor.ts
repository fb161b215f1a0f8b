import type { S3Event } from 'aws-lambda';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { DynamoDbMediaStore } from '../media/dynamodb-media-store';
import type { MediaProcessorConfig } from '../media/media-config';
import { MediaProcessor } from '../media/media-processor';
import type { ProcessingOutcome } from '../media/media-processor';
import { objectCreationsOf } from '../media/s3-event';
import { createS3Client, S3MediaObjects } from '../media/s3-media-objects';

export { mediaProcessorConfig } from '../media/media-config';
export type { MediaProcessorConfig } from '../media/media-config';

export interface MediaProcessing {
  /** Processes every ObjectCreated record; a failure throws, so that Lambda retries the event. */
  handle(event: S3Event): Promise<{ key: string; outcome: ProcessingOutcome }[]>;
}

/** MediaProcessorFunction's processor, wired to DynamoDB and S3. Call once at module scope. */
export function createMediaProcessing(config: MediaProcessorConfig): MediaProcessing {
  const store = new DynamoDbMediaStore(
    createDocumentClient(createDynamoDbClient()),
    config.appTableName,
  );
  const objects = new S3MediaObjects(createS3Client(), config.bucketName);
  const processor = new MediaProcessor(store, objects, config.bucketName);
  return {
    async handle(event) {
      const results: { key: string; outcome: ProcessingOutcome }[] = [];
      for (const creation of objectCreationsOf(event)) {
        results.push({
          key: creation.key,
          outcome: await processor.process(creation.bucket, creation.key),
        });
      }
      return results;
    },
  };
}
