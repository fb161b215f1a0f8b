// Each function as the Lambda Invoke API's asynchronous path sees it: its
// host, its EventInvokeConfig, and its destinations. SQS destinations are the
// template's queues on the local SQS; other kinds are logged, not delivered.
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { queueUrlOf } from '../queues/queue-url';
import type { FunctionRegistry } from '../runtime/function-registry';
import type { PhysicalResources } from '../template/model';
import {
  DEFAULT_EVENT_INVOKE_CONFIG,
  type AsyncDestination,
  type EventInvokeConfig,
} from './event-invoke-config';
import type { InvocationRecord } from './invocation-record';
import type { LambdaInvokeTarget } from './server';

export interface AsyncTargetsOptions {
  /** The template's functions by logical id. */
  functions: readonly { logicalId: string }[];
  /** Where each function's host is found when an invocation comes. */
  registry: Pick<FunctionRegistry, 'hostOf'>;
  configs: ReadonlyMap<string, EventInvokeConfig>;
  resources: PhysicalResources;
  sqs: SQSClient;
  log: (line: string) => void;
}

function sender(
  destination: AsyncDestination | undefined,
  role: 'OnSuccess' | 'OnFailure',
  options: AsyncTargetsOptions,
): ((record: InvocationRecord) => Promise<void>) | undefined {
  if (!destination) return undefined;
  if (destination.type !== 'SQS') {
    return async (record) =>
      options.log(
        `[lambda] ${role} destination ${destination.arn} (${destination.type}) is not emulated locally; the record: ${JSON.stringify(record)}`,
      );
  }
  const queueUrl = queueUrlOf(options.resources, destination.arn, role);
  return async (record) => {
    await options.sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(record) }),
    );
  };
}

/**
 * Invoke targets by logical id, for startLambdaApi. Destinations are checked
 * now; the host is looked up at each invocation.
 */
export function asyncInvokeTargets(
  options: AsyncTargetsOptions,
): Record<string, LambdaInvokeTarget> {
  const targets: Record<string, LambdaInvokeTarget> = {};
  for (const { logicalId } of options.functions) {
    const config = options.configs.get(logicalId) ?? DEFAULT_EVENT_INVOKE_CONFIG;
    targets[logicalId] = {
      invoke: (event, invokeOptions) =>
        options.registry.hostOf(logicalId).invoke(event, invokeOptions),
      functionArn: options.resources[logicalId]?.attributes.Arn,
      maximumRetryAttempts: config.maximumRetryAttempts,
      maximumEventAgeSeconds: config.maximumEventAgeSeconds,
      onSuccess: sender(config.onSuccess, 'OnSuccess', options),
      onFailure: sender(config.onFailure, 'OnFailure', options),
    };
  }
  return targets;
}
