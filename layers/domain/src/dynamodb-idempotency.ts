import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';

/** A client request that may carry an `Idempotency-Key`. */
export interface IdempotentRequest {
  userId: string;
  idempotencyKey?: string | undefined;
  /** The parsed request body: a retry must send the same one. */
  body: unknown;
}

export type IdempotentOperation<TResult> = (
  request: IdempotentRequest,
  context: Context,
) => Promise<TResult>;

/**
 * Makes an operation idempotent per `Idempotency-Key` for one hour, with
 * Powertools idempotency on IDEMPOTENCY_TABLE_NAME. The key is scoped to the
 * caller, so two users choosing the same key never collide; reusing a key with
 * another body fails with IdempotencyValidationError (422), and a retry while
 * the first request still runs with IdempotencyAlreadyInProgressError (409).
 * The Lambda context lets an in-progress record expire with the invocation.
 */
export function idempotentOperation<TResult>(
  operation: (request: IdempotentRequest) => Promise<TResult>,
  options: { client: DynamoDBClient; tableName: string; name: string },
): IdempotentOperation<TResult> {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[userId, idempotencyKey]',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: 60 * 60,
  });
  const idempotent = makeIdempotent(operation, {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: options.tableName,
      awsSdkV3Client: options.client,
    }),
    keyPrefix: options.name,
    config,
  });
  return async (request, context) => {
    if (request.idempotencyKey === undefined) return operation(request);
    config.registerLambdaContext(context);
    return idempotent(request);
  };
}
