// A function's `EventInvokeConfig`: how Lambda handles its asynchronous
// invocations (S3 notifications, `InvocationType: Event`). Read from the
// template with Lambda's defaults and limits.
import type { SandboxModel } from '../template/model';
import type { ResolveContext } from '../template/resolve';
import { recordOrEmpty, resolveOptionalNumber, resolveText } from '../template/template-document';

export interface AsyncDestination {
  /** `SQS`, `SNS`, `Lambda`, `EventBridge` or `S3`, as in the template. */
  type: string;
  arn: string;
}

export interface EventInvokeConfig {
  /** 0 to 2; Lambda's default is 2. */
  maximumRetryAttempts: number;
  /** 60 to 21600; Lambda's default is 6 hours. */
  maximumEventAgeSeconds: number;
  onSuccess?: AsyncDestination;
  onFailure?: AsyncDestination;
}

export const DEFAULT_EVENT_INVOKE_CONFIG: EventInvokeConfig = {
  maximumRetryAttempts: 2,
  maximumEventAgeSeconds: 21_600,
};

function bounded(
  value: number | undefined,
  fallback: number,
  [min, max]: [number, number],
  where: string,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${where} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function destination(
  value: unknown,
  ctx: ResolveContext,
  where: string,
): AsyncDestination | undefined {
  if (value === undefined) return undefined;
  const { Type, Destination } = recordOrEmpty(value);
  if (Destination === undefined) throw new Error(`${where}.Destination is missing`);
  return {
    type: resolveText(Type ?? 'SQS', ctx, `${where}.Type`),
    arn: resolveText(Destination, ctx, `${where}.Destination`),
  };
}

/** Every function's asynchronous invocation settings, by logical id. */
export function readEventInvokeConfigs(
  model: SandboxModel,
  ctx: ResolveContext,
): Map<string, EventInvokeConfig> {
  const configs = new Map<string, EventInvokeConfig>();
  for (const fn of model.functions) {
    const where = `${fn.logicalId}.EventInvokeConfig`;
    const config = recordOrEmpty(fn.properties.EventInvokeConfig);
    const destinations = recordOrEmpty(config.DestinationConfig);
    const onSuccess = destination(
      destinations.OnSuccess,
      ctx,
      `${where}.DestinationConfig.OnSuccess`,
    );
    const onFailure = destination(
      destinations.OnFailure,
      ctx,
      `${where}.DestinationConfig.OnFailure`,
    );
    configs.set(fn.logicalId, {
      maximumRetryAttempts: bounded(
        resolveOptionalNumber(config.MaximumRetryAttempts, ctx, `${where}.MaximumRetryAttempts`),
        DEFAULT_EVENT_INVOKE_CONFIG.maximumRetryAttempts,
        [0, 2],
        `${where}.MaximumRetryAttempts`,
      ),
      maximumEventAgeSeconds: bounded(
        resolveOptionalNumber(
          config.MaximumEventAgeInSeconds,
          ctx,
          `${where}.MaximumEventAgeInSeconds`,
        ),
        DEFAULT_EVENT_INVOKE_CONFIG.maximumEventAgeSeconds,
        [60, 21_600],
        `${where}.MaximumEventAgeInSeconds`,
      ),
      ...(onSuccess && { onSuccess }),
      ...(onFailure && { onFailure }),
    });
  }
  return configs;
}
