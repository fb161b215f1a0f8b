import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  createMessageWorker,
  messageWorkerAppConfig,
} from '@mobile-backend/domain/apps/message-worker';

const worker = createMessageWorker(messageWorkerAppConfig());

/** SQS event source with ReportBatchItemFailures: the failed records come back, the rest are deleted. */
export const handler = instrumentHandler(worker);
