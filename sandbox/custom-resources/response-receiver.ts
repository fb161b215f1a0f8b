// CloudFormation's side of a custom resource's reply: a one-shot URL (locally
// http://127.0.0.1:<port>/…, on AWS a pre-signed S3 URL) that takes one PUT of
// the JSON response.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { CloudFormationCustomResourceResponse } from 'aws-lambda';
import { readBody } from '../http/read-body';
import { listen } from '../runtime/listen';

// CloudFormation refuses responses of 4 KB or more.
const MAX_RESPONSE_BYTES = 4096;

export interface ResponseReceiver {
  /** Where the function PUTs its reply. */
  url: string;
  /** The reply, or undefined when none came. */
  received(): CloudFormationCustomResourceResponse | undefined;
  close(): Promise<void>;
}

export async function receiveOneResponse(): Promise<ResponseReceiver> {
  let response: CloudFormationCustomResourceResponse | undefined;
  const path = `/cloudformation-response/${randomUUID()}`;
  const server = createServer((request, reply) => {
    void (async () => {
      const body = await readBody(request, MAX_RESPONSE_BYTES - 1);
      const accepted = request.method === 'PUT' && request.url?.startsWith(path) && body;
      if (!accepted || response) {
        reply.writeHead(accepted ? 409 : 400).end();
        return;
      }
      try {
        response = JSON.parse(body.toString('utf8')) as CloudFormationCustomResourceResponse;
        reply.writeHead(200).end();
      } catch {
        reply.writeHead(400).end();
      }
    })();
  });
  const endpoint = await listen(server, 0, '127.0.0.1', 'Custom resource response receiver');
  return {
    url: `${endpoint}${path}?X-Amz-Signature=local`,
    received: () => response,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
