// The template's `Type: DynamoDB` events (SAM's event source mappings), read
// from each function's properties with Lambda's defaults.
import type { SandboxModel } from '../template/model';
import { resolveValue, type ResolveContext } from '../template/resolve';
import { getAttTarget, recordOrEmpty } from '../template/template-document';
import { parseFilterPatterns, type FilterPattern } from './event-filter';

export interface StreamEventSource {
  functionLogicalId: string;
  /** The event's name in the function's `Events`. */
  name: string;
  /** The table whose stream it reads (`!GetAtt Table.StreamArn`). */
  tableLogicalId: string;
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  batchSize: number;
  maximumBatchingWindowMs: number;
  /** -1: until the record expires. */
  maximumRetryAttempts: number;
  /** -1: no limit. */
  maximumRecordAgeSeconds: number;
  bisectBatchOnFunctionError: boolean;
  reportBatchItemFailures: boolean;
  /** The OnFailure destination's ARN (an SQS queue), resolved. */
  onFailureArn?: string;
  filters: FilterPattern[];
  enabled: boolean;
}

function number(value: unknown, ctx: ResolveContext, where: string, fallback: number): number {
  if (value === undefined) return fallback;
  const resolved = Number(resolveValue(value, ctx, where));
  if (!Number.isFinite(resolved)) throw new Error(`${where} must be a number`);
  return resolved;
}

function flag(value: unknown, ctx: ResolveContext, where: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const resolved = resolveValue(value, ctx, where);
  return resolved === true || resolved === 'true';
}

export function readStreamEventSources(
  model: SandboxModel,
  ctx: ResolveContext,
): StreamEventSource[] {
  return model.functions.flatMap((fn) =>
    Object.entries(recordOrEmpty(fn.properties.Events)).flatMap(([name, event]) => {
      const { Type, Properties } = recordOrEmpty(event);
      if (Type !== 'DynamoDB') return [];
      const where = `${fn.logicalId}.Events.${name}`;
      const properties = recordOrEmpty(Properties);
      const stream = getAttTarget(properties.Stream);
      if (!stream || stream[1] !== 'StreamArn') {
        throw new Error(
          `${where}.Stream must be !GetAtt <Table>.StreamArn for the sandbox to run it`,
        );
      }
      const destination = recordOrEmpty(
        recordOrEmpty(properties.DestinationConfig).OnFailure,
      ).Destination;
      const startingPosition = String(
        resolveValue(properties.StartingPosition ?? 'LATEST', ctx, where),
      );
      if (startingPosition !== 'TRIM_HORIZON' && startingPosition !== 'LATEST') {
        throw new Error(`${where}.StartingPosition must be TRIM_HORIZON or LATEST`);
      }
      const responseTypes = resolveValue(properties.FunctionResponseTypes ?? [], ctx, where);
      return [
        {
          functionLogicalId: fn.logicalId,
          name,
          tableLogicalId: stream[0],
          startingPosition,
          batchSize: number(properties.BatchSize, ctx, `${where}.BatchSize`, 100),
          maximumBatchingWindowMs:
            1000 *
            number(
              properties.MaximumBatchingWindowInSeconds,
              ctx,
              `${where}.MaximumBatchingWindowInSeconds`,
              0,
            ),
          maximumRetryAttempts: number(
            properties.MaximumRetryAttempts,
            ctx,
            `${where}.MaximumRetryAttempts`,
            -1,
          ),
          maximumRecordAgeSeconds: number(
            properties.MaximumRecordAgeInSeconds,
            ctx,
            `${where}.MaximumRecordAgeInSeconds`,
            -1,
          ),
          bisectBatchOnFunctionError: flag(
            properties.BisectBatchOnFunctionError,
            ctx,
            where,
            false,
          ),
          reportBatchItemFailures:
            Array.isArray(responseTypes) && responseTypes.includes('ReportBatchItemFailures'),
          ...(destination !== undefined && {
            onFailureArn: String(resolveValue(destination, ctx, `${where}.DestinationConfig`)),
          }),
          filters: parseFilterPatterns(recordOrEmpty(properties.FilterCriteria).Filters),
          enabled: flag(properties.Enabled, ctx, `${where}.Enabled`, true),
        },
      ];
    }),
  );
}
