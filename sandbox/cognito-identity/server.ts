// The local Cognito Identity endpoint (AWS_ENDPOINT_URL_COGNITO_IDENTITY): the
// JSON 1.1 protocol as @aws-sdk/client-cognito-identity speaks it, a POST with
// `X-Amz-Target: AWSCognitoIdentityService.<Operation>`. GetId and
// GetCredentialsForIdentity are unsigned calls (the SDK sends them without
// credentials); the operations that need SigV4 are not served.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import { closeServer, listen } from '../runtime/listen';
import { CognitoIdentityError, OPERATIONS, type IdentityPoolBackend } from './operations';

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_REQUEST_BYTES = 64 * 1024;
const TARGET_PREFIX = 'AWSCognitoIdentityService.';

export interface CognitoIdentityServer {
  url: string;
  close(): Promise<void>;
}

async function answer(backend: IdentityPoolBackend, request: IncomingMessage): Promise<object> {
  const body = await readBody(request, MAX_REQUEST_BYTES);
  if (body === undefined) {
    throw new CognitoIdentityError('InvalidParameterException', 'The request is too large.', 413);
  }
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX)
    ? OPERATIONS[target.slice(TARGET_PREFIX.length)]
    : undefined;
  if (request.method !== 'POST' || operation === undefined) {
    throw new CognitoIdentityError(
      'UnknownOperationException',
      `The local Cognito Identity endpoint serves ${Object.keys(OPERATIONS).join(', ')}, not ${target || 'this request'}.`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new CognitoIdentityError('SerializationException', 'The request is not JSON.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CognitoIdentityError('SerializationException', 'The request is not an object.');
  }
  return operation(backend, input as Record<string, unknown>);
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'Content-Type': CONTENT_TYPE }).end(JSON.stringify(body));
}

export async function startCognitoIdentityServer(options: {
  port: number;
  host: string;
  backend: IdentityPoolBackend;
  log: (line: string) => void;
}): Promise<CognitoIdentityServer> {
  const server = createServer((request, response) => {
    answer(options.backend, request)
      .then((result) => reply(response, 200, result))
      .catch((error: unknown) => {
        if (error instanceof CognitoIdentityError) {
          options.log(`[cognito-identity] ${error.type}: ${error.message}`);
          reply(response, error.status, { __type: error.type, message: error.message });
          return;
        }
        options.log(
          `[cognito-identity] error: ${error instanceof Error ? error.stack : String(error)}`,
        );
        reply(response, 500, { __type: 'InternalErrorException', message: 'Internal error.' });
      });
  });
  const url = await listen(server, options.port, options.host, 'Cognito Identity');
  return { url, close: () => closeServer(server) };
}
