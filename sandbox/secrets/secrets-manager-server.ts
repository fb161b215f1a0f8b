// A local Secrets Manager endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER) over the
// sandbox's local secrets: GetSecretValue on the JSON 1.1 protocol, as
// @aws-sdk/client-secrets-manager speaks it (a POST with
// `X-Amz-Target: secretsmanager.GetSecretValue`), so the SDK client of a
// function works unchanged. Requests must be signed with the local credentials.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../http/read-body';
import type { RunningService } from '../processes';
import type { StoredSecret } from './local-secrets';
import { refuseBadSignature, type SecretKeys } from './signature-check';

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_REQUEST_BYTES = 64 * 1024;
// The sandbox's secrets do not change while it runs: one creation date for all.
const CREATED = Math.floor(Date.now() / 1000);

class SecretsManagerError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

function getSecretValue(find: (id: string) => StoredSecret | undefined, input: unknown): object {
  const secretId = (input as { SecretId?: unknown } | null)?.SecretId;
  if (typeof secretId !== 'string' || secretId === '') {
    throw new SecretsManagerError(400, 'InvalidParameterException', 'SecretId is required.');
  }
  const secret = find(secretId);
  if (!secret) {
    throw new SecretsManagerError(
      400,
      'ResourceNotFoundException',
      "Secrets Manager can't find the specified secret.",
    );
  }
  return {
    ARN: secret.arn,
    Name: secret.name,
    // One version per value, named like Secrets Manager's (a UUID-shaped id).
    VersionId: versionIdOf(secret.value),
    SecretString: secret.value,
    VersionStages: ['AWSCURRENT'],
    CreatedDate: CREATED,
  };
}

function versionIdOf(value: string): string {
  const hex = createHash('sha256').update(value).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}

export interface SecretsManagerOptions {
  port: number;
  find: (secretId: string) => StoredSecret | undefined;
  /** The credentials a request may be signed with. */
  keys: SecretKeys;
}

async function answer(options: SecretsManagerOptions, request: IncomingMessage): Promise<object> {
  const body = await readBody(request, MAX_REQUEST_BYTES);
  if (body === undefined) throw new SecretsManagerError(413, 'RequestEntityTooLarge', 'Too large.');
  const refusal = await refuseBadSignature(request, body, options.keys);
  if (refusal) throw new SecretsManagerError(refusal.status, refusal.type, refusal.message);
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || target !== 'secretsmanager.GetSecretValue') {
    throw new SecretsManagerError(
      400,
      'UnknownOperationException',
      `The local Secrets Manager endpoint serves GetSecretValue only, not ${String(target)}.`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new SecretsManagerError(400, 'SerializationException', 'The request is not JSON.');
  }
  return getSecretValue(options.find, input);
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

/** Serves the secrets `find` knows, by ARN or name, to requests signed with one of `keys`. */
export async function startLocalSecretsManager(
  options: SecretsManagerOptions,
): Promise<LocalSecretsManager> {
  const server = createServer((request, response) => void handle(options, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
