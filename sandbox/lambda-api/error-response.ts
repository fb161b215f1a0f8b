// An error of the Invoke API, as the SDK reads it: the error type in
// `x-amzn-ErrorType` and a JSON body with the message.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export interface InvokeApiError {
  status: number;
  errorType: string;
  message: string;
}

export function sendInvokeApiError(response: ServerResponse, error: InvokeApiError): void {
  response.writeHead(error.status, {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': error.errorType,
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(JSON.stringify({ Type: 'User', message: error.message }));
}
