// The template's AWS::SQS::Queue resources, created on the local SQS with
// their attributes; a queue's dead-letter queue is created before it so the
// redrive policy can name its ARN.
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PhysicalResources, SandboxModel } from '../template/model';
import { resolveValue, type ResolveContext } from '../template/resolve';
import { getAttTarget, recordOrEmpty } from '../template/template-document';

export interface QueueSpec {
  logicalId: string;
  queueName: string;
  /** Unresolved template properties (attributes, RedrivePolicy). */
  properties: Record<string, unknown>;
  /** Logical id of the dead-letter queue named by RedrivePolicy, if any. */
  deadLetterQueue?: string;
}

// Template property → SQS attribute name.
const attributeNames: Record<string, string> = {
  DelaySeconds: 'DelaySeconds',
  MaximumMessageSize: 'MaximumMessageSize',
  MessageRetentionPeriod: 'MessageRetentionPeriod',
  ReceiveMessageWaitTimeSeconds: 'ReceiveMessageWaitTimeSeconds',
  VisibilityTimeout: 'VisibilityTimeout',
  FifoQueue: 'FifoQueue',
  ContentBasedDeduplication: 'ContentBasedDeduplication',
};

export function readQueues(model: SandboxModel): QueueSpec[] {
  return model.resources
    .filter((resource) => resource.type === 'AWS::SQS::Queue')
    .map((resource) => {
      const redrive = recordOrEmpty(resource.properties.RedrivePolicy);
      const target = getAttTarget(redrive.deadLetterTargetArn);
      const fifo =
        resource.properties.FifoQueue === true || resource.properties.FifoQueue === 'true';
      const name =
        typeof resource.properties.QueueName === 'string'
          ? resource.properties.QueueName
          : `${resource.logicalId}${fifo ? '.fifo' : ''}`;
      return {
        logicalId: resource.logicalId,
        queueName: name,
        properties: resource.properties,
        ...(target && { deadLetterQueue: target[0] }),
      };
    });
}

/** Dead-letter queues first, so a redrive policy can refer to an existing ARN. */
function inDependencyOrder(queues: QueueSpec[]): QueueSpec[] {
  const byId = new Map(queues.map((queue) => [queue.logicalId, queue]));
  const ordered: QueueSpec[] = [];
  const visit = (queue: QueueSpec, path: string[]): void => {
    if (ordered.includes(queue)) return;
    if (path.includes(queue.logicalId)) {
      throw new Error(
        `Queues redrive to each other in a cycle: ${[...path, queue.logicalId].join(' → ')}`,
      );
    }
    const dlq = queue.deadLetterQueue ? byId.get(queue.deadLetterQueue) : undefined;
    if (dlq) visit(dlq, [...path, queue.logicalId]);
    ordered.push(queue);
  };
  for (const queue of queues) visit(queue, []);
  return ordered;
}

export async function ensureQueues(
  client: SQSClient,
  queues: QueueSpec[],
  ctx: ResolveContext,
): Promise<PhysicalResources> {
  const created: PhysicalResources = {};
  for (const queue of inDependencyOrder(queues)) {
    const where = queue.logicalId;
    const scope: ResolveContext = { ...ctx, resources: { ...ctx.resources, ...created } };
    const attributes: Record<string, string> = {};
    for (const [property, attribute] of Object.entries(attributeNames)) {
      const value = queue.properties[property];
      if (value !== undefined)
        attributes[attribute] = String(resolveValue(value, scope, `${where}.${property}`));
    }
    if (queue.properties.RedrivePolicy !== undefined) {
      attributes.RedrivePolicy = JSON.stringify(
        resolveValue(queue.properties.RedrivePolicy, scope, `${where}.RedrivePolicy`),
      );
    }
    const { QueueUrl } = await client.send(
      new CreateQueueCommand({ QueueName: queue.queueName, Attributes: attributes }),
    );
    if (!QueueUrl) throw new Error(`The local SQS did not return a URL for ${where}`);
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const arn = Attributes?.QueueArn ?? '';
    created[queue.logicalId] = {
      ref: QueueUrl,
      attributes: { Arn: arn, QueueName: queue.queueName, QueueUrl },
    };
  }
  return created;
}
