import {
  createMessageWorker,
  instrumentHandler,
  messageWorkerConfig,
} from '@mobile-backend/domain';

const worker = createMessageWorker(messageWorkerConfig());

/** SQS event source with ReportBatchItemFailures: the failed records come back, the rest are deleted. */
export const handler = instrumentHandler(worker);
