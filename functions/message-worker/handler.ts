import { instrumentHandler } from '@mobile-backend/domain/http';
import { createMessageWorker, messageWorkerConfig } from '@mobile-backend/domain/messaging';

const worker = createMessageWorker(messageWorkerConfig());

/** SQS event source with ReportBatchItemFailures: the failed records come back, the rest are deleted. */
export const handler = instrumentHandler(worker);
