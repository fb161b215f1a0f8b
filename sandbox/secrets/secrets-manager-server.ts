// A local Secrets Manager endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER) over the
// sandbox's local secrets: GetSecretValue on the JSON 1.1 protocol, as
// @aws-sdk/client-secrets-manager speaks it (a POST with
// `X-Amz-Target: secretsmanager.GetSecretValue`) and the calls of a rotation
// (secrets-manager-operations.ts), so the SDK clients of functions work
// unchanged. Requests must be signed with the local credentials.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import type { RunningService } from '../processes';
import { listen } from '../runtime/listen';
import {
  OPERATIONS,
  SecretsManagerError,
  type SecretsManagerBackend,
} from './secrets-manager-operations';
import { refuseBadSignature, type SecretKeys } from './signature-check';

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_REQUEST_BYTES = 64 * 1024;
const TARGET_PREFIX = 'secretsmanager.';

export interface SecretsManagerOptions {
  port: number;
  find: SecretsManagerBackend['find'];
  /** The credentials a request may be signed with. */
  keys: SecretKeys;
  /** The template's rotation functions; without them no secret has rotation enabled. */
  rotation?: Pick<SecretsManagerBackend, 'rotationFunctionOf' | 'invokeRotation'>;
}

function backendOf(options: SecretsManagerOptions): SecretsManagerBackend {
  return {
    find: options.find,
    rotationFunctionOf: (secret) => options.rotation?.rotationFunctionOf(secret),
    invokeRotation: async (functionArn, event) => {
      if (!options.rotation) throw new Error('No rotation functions are known');
      await options.rotation.invokeRotation(functionArn, event);
    },
  };
}

async function answer(options: SecretsManagerOptions, request: IncomingMessage): Promise<object> {
  const body = await readBody(request, MAX_REQUEST_BYTES);
  if (body === undefined) throw new SecretsManagerError(413, 'RequestEntityTooLarge', 'Too large.');
  const refusal = await refuseBadSignature(request, body, options.keys);
  if (refusal) throw new SecretsManagerError(refusal.status, refusal.type, refusal.message);
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX)
    ? OPERATIONS[target.slice(TARGET_PREFIX.length)]
    : undefined;
  if (request.method !== 'POST' || operation === undefined) {
    throw new SecretsManagerError(
      400,
      'UnknownOperationException',
      `The local Secrets Manager endpoint serves ${Object.keys(OPERATIONS).join(', ')}, not ${target}.`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new SecretsManagerError(400, 'SerializationException', 'The request is not JSON.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SecretsManagerError(400, 'SerializationException', 'The request is not an object.');
  }
  return operation(backendOf(options), input as Record<string, unknown>);
}

async function handle(
  options: SecretsManagerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const result = await answer(options, request);
    response.writeHead(200, { 'Content-Type': CONTENT_TYPE }).end(JSON.stringify(result));
  } catch (error) {
    const failure =
      error instanceof SecretsManagerError
        ? error
        : new SecretsManagerError(500, 'InternalServiceError', 'Internal error');
    response
      .writeHead(failure.status, { 'Content-Type': CONTENT_TYPE, 'X-Amzn-ErrorType': failure.type })
      .end(JSON.stringify({ __type: failure.type, message: failure.message }));
  }
}

export type LocalSecretsManager = RunningService;

/** Serves the backend's secrets, by ARN or name, to requests signed with one of `keys`. */
export async function startLocalSecretsManager(
  options: SecretsManagerOptions,
): Promise<LocalSecretsManager> {
  const server = createServer((request, response) => void handle(options, request, response));
  const endpoint = await listen(server, options.port, '127.0.0.1', 'Secrets Manager');
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
