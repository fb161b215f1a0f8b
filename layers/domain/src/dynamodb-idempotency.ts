import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
  options: IdempotencyOptions,
): IdempotentOperation<TResult> {
  // Powertools idempotency is loaded by the first request with a key, so a
  // cold start for any other request does not pay for it.
  let keyed: Promise<KeyedOperation<TResult>> | undefined;
  return async (request, context) => {
    if (request.idempotencyKey === undefined) return operation(request);
    keyed ??= powertoolsIdempotent(operation, options);
    return (await keyed)(request, context);
  };
}

interface IdempotencyOptions {
  client: DynamoDBClient;
  tableName: string;
  name: string;
}

type KeyedOperation<TResult> = (request: IdempotentRequest, context: Context) => Promise<TResult>;

async function powertoolsIdempotent<TResult>(
  operation: (request: IdempotentRequest) => Promise<TResult>,
  options: IdempotencyOptions,
): Promise<KeyedOperation<TResult>> {
  const [{ IdempotencyConfig, makeIdempotent }, { DynamoDBPersistenceLayer }] = await Promise.all([
    import('@aws-lambda-powertools/idempotency'),
    import('@aws-lambda-powertools/idempotency/dynamodb'),
  ]);
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
    config.registerLambdaContext(context);
    return idempotent(request);
  };
}
