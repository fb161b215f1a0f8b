// The record Lambda sends to an asynchronous invocation's destination: the
// event it was given, and what the function answered (its result, or its
// error after the last retry).
export type InvocationCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';

export interface InvocationRecord {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: InvocationCondition;
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  responsePayload?: unknown;
}

function parsed(payload: string | undefined): unknown {
  if (payload === undefined) return undefined;
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
}

export function invocationRecord(options: {
  requestId: string;
  functionArn: string;
  condition: InvocationCondition;
  invokeCount: number;
  event: unknown;
  /** The last attempt's payload: the result, or the error Lambda reported. */
  responsePayload?: string;
  functionError: boolean;
  now?: Date;
}): InvocationRecord {
  const responsePayload = parsed(options.responsePayload);
  return {
    version: '1.0',
    timestamp: (options.now ?? new Date()).toISOString(),
    requestContext: {
      requestId: options.requestId,
      // Unqualified invocations run $LATEST, and the record names it.
      functionArn: `${options.functionArn}:$LATEST`,
      condition: options.condition,
      approximateInvokeCount: options.invokeCount,
    },
    requestPayload: options.event,
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(options.functionError && { functionError: 'Unhandled' }),
    },
    ...(responsePayload !== undefined && { responsePayload }),
  };
}
