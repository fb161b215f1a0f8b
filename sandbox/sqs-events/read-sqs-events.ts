// The SQS event sources of the template's functions (`Events: {X: {Type: SQS}}`),
// with Lambda's defaults for what the template leaves out.
import type { PhysicalResources, SandboxModel } from '../template/model';
import { resolveValue, type ResolveContext } from '../template/resolve';
import { getAttTarget, isRecord, listOrEmpty, recordOrEmpty } from '../template/template-document';

export interface SqsEventSourceSpec {
  functionLogicalId: string;
  eventName: string;
  /** Logical id of the queue, when the template names it with `!GetAtt Q.Arn`. */
  queueLogicalId?: string;
  /** The queue as written (resolved at start when it is a literal ARN). */
  queue: unknown;
  batchSize: number;
  maximumBatchingWindowInSeconds: number;
  reportBatchItemFailures: boolean;
  enabled: boolean;
  /** ScalingConfig.MaximumConcurrency: how many batches run at once. */
  maximumConcurrency?: number;
}

export function readSqsEventSources(model: Pick<SandboxModel, 'functions'>): SqsEventSourceSpec[] {
  return model.functions.flatMap((fn) =>
    Object.entries(recordOrEmpty(fn.properties.Events))
      .filter(([, event]) => isRecord(event) && event.Type === 'SQS')
      .map(([eventName, event]) => {
        const properties = recordOrEmpty((event as Record<string, unknown>).Properties);
        const target = getAttTarget(properties.Queue);
        const concurrency = recordOrEmpty(properties.ScalingConfig).MaximumConcurrency;
        return {
          functionLogicalId: fn.logicalId,
          eventName,
          ...(target && { queueLogicalId: target[0] }),
          queue: properties.Queue,
          batchSize: Number(properties.BatchSize ?? 10),
          maximumBatchingWindowInSeconds: Number(properties.MaximumBatchingWindowInSeconds ?? 0),
          reportBatchItemFailures: listOrEmpty(properties.FunctionResponseTypes).includes(
            'ReportBatchItemFailures',
          ),
          enabled: properties.Enabled !== false && properties.Enabled !== 'false',
          ...(concurrency !== undefined && { maximumConcurrency: Number(concurrency) }),
        };
      }),
  );
}

/** The local queue URL and ARN of an event source. */
export function queueOf(
  source: SqsEventSourceSpec,
  resources: PhysicalResources,
  ctx: ResolveContext,
): { queueUrl: string; queueArn: string } {
  const where = `${source.functionLogicalId}.Events.${source.eventName}.Queue`;
  const arn = source.queueLogicalId
    ? resources[source.queueLogicalId]?.attributes.Arn
    : String(resolveValue(source.queue, ctx, where));
  const queue = Object.values(resources).find((resource) => resource.attributes.Arn === arn);
  const queueUrl = queue?.attributes.QueueUrl;
  if (!arn || !queueUrl) throw new Error(`${where}: no such queue in the template`);
  return { queueUrl, queueArn: arn };
}
