import type { S3Event } from 'aws-lambda';
import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  createMediaProcessing,
  mediaProcessorConfig,
} from '@mobile-backend/domain/apps/media-processor';

const processing = createMediaProcessing(mediaProcessorConfig());

/** S3 ObjectCreated events of the media bucket, delivered asynchronously; a failure makes Lambda retry. */
export const handler = instrumentHandler(async (event: S3Event) => processing.handle(event));
