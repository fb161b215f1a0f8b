// A RequestResponse invocation: the function's payload as the response body,
// a function error marked as Lambda marks it (still a 200).
import type { ServerResponse } from 'node:http';
import type { LambdaInvokeTarget } from './invoke-target';

export async function invokeSynchronously(
  target: LambdaInvokeTarget,
  event: unknown,
  requestId: string,
  response: ServerResponse,
): Promise<void> {
  const result = await target.invoke(event, { requestId });
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': result.requestId,
    'X-Amz-Executed-Version': '$LATEST',
  };
  if (result.status === 'failed') headers['X-Amz-Function-Error'] = 'Unhandled';
  response.writeHead(200, headers);
  response.end(result.payload);
}
