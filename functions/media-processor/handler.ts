import type { S3Event } from 'aws-lambda';
import {
  createMediaProcessing,
  instrumentHandler,
  mediaProcessorConfig,
} from '@mobile-backend/domain';

const processing = createMediaProcessing(mediaProcessorConfig());

/** S3 ObjectCreated events of the media bucket, delivered asynchronously; a failure makes Lambda retry. */
export const handler = instrumentHandler(async (event: S3Event) => processing.handle(event));
