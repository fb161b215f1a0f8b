// Every enabled SQS event source of the template, each polling its local queue.
import type { SQSClient } from '@aws-sdk/client-sqs';
import { batchLine } from '../runtime/access-lines';
import type { FunctionHost } from '../runtime/function-host';
import type { PhysicalResources, SandboxModel } from '../template/model';
import type { ResolveContext } from '../template/resolve';
import { startSqsEventSourceMapping, type SqsEventSourceMapping } from './event-source-mapping';
import { queueOf, readSqsEventSources } from './read-sqs-events';

export async function startSqsEventSources(options: {
  model: Pick<SandboxModel, 'functions'>;
  resources: PhysicalResources;
  ctx: ResolveContext;
  client: SQSClient;
  hosts: ReadonlyMap<string, FunctionHost>;
  region: string;
  log: (line: string) => void;
  /** The line per batch delivered; `log` unless given. */
  accessLog?: (line: string) => void;
}): Promise<{ close(): Promise<void> }> {
  const mappings: SqsEventSourceMapping[] = [];
  const accessLog = options.accessLog ?? options.log;
  for (const source of readSqsEventSources(options.model).filter((s) => s.enabled)) {
    const host = options.hosts.get(source.functionLogicalId);
    if (!host) throw new Error(`No function ${source.functionLogicalId} for its SQS event source`);
    const queue = queueOf(source, options.resources, options.ctx);
    const from = queue.queueArn.split(':').at(-1) ?? queue.queueArn;
    mappings.push(
      startSqsEventSourceMapping({
        client: options.client,
        ...queue,
        region: options.region,
        batchSize: source.batchSize,
        maximumBatchingWindowInSeconds: source.maximumBatchingWindowInSeconds,
        reportBatchItemFailures: source.reportBatchItemFailures,
        ...(source.maximumConcurrency !== undefined && { concurrency: source.maximumConcurrency }),
        invoke: (event) => host.invoke(event),
        log: options.log,
        onDelivery: ({ size, failed, reason, ...timing }) =>
          accessLog(
            batchLine(
              { source: 'sqs', functionName: source.functionLogicalId, from, size, failed, reason },
              timing,
            ),
          ),
      }),
    );
  }
  return { close: async () => void (await Promise.all(mappings.map((m) => m.close()))) };
}
