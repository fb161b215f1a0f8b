import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { apiGatewayEvent, lambdaContext } from '../../unit/functions/api-gateway-event';
import { localCredentials } from '../../../sandbox/runtime/lambda-environment';
import { createLocalSecrets } from '../../../sandbox/secrets/local-secrets';
import {
  startLocalSecretsManager,
  type LocalSecretsManager,
} from '../../../sandbox/secrets/secrets-manager-server';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import { uniqueUserId } from './stores';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
let handler: Handler;
let secretsManager: LocalSecretsManager;

// The cursor key is read from Secrets Manager, as on AWS: here the local one.
const secrets = createLocalSecrets({
  secrets: [
    { logicalId: 'CursorSigningSecret', name: 'cursor-signing', secretString: 'k'.repeat(64) },
  ],
  pseudo: LOCAL_PSEUDO_PARAMETERS,
});

beforeAll(async () => {
  secretsManager = await startLocalSecretsManager({
    port: 0,
    find: secrets.find,
    keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
    CURSOR_SIGNING_SECRET_ARN:
      'arn:aws:secretsmanager:us-east-1:000000000000:secret:cursor-signing-local',
    ACCOUNT_ERASURE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
    ALLOWED_ORIGIN: '*',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  ({ handler } = (await import('../../../functions/data-api/handler')) as { handler: Handler });
});

afterAll(async () => {
  await secretsManager.stop();
});

function call(
  sub: string,
  method: string,
  path: string,
  options: {
    body?: unknown;
    headers?: Record<string, string>;
    query?: Record<string, string>;
  } = {},
) {
  const event = apiGatewayEvent({
    method,
    path,
    sub,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    headers: { 'Content-Type': 'application/json', ...options.headers },
    ...(options.query && { query: options.query }),
  });
  return handler(event, lambdaContext('DataApiFunction'));
}

interface Body {
  id: string;
  nextCursor: string | null;
  items: { id: string; title: string }[];
}
const json = (result: APIGatewayProxyResult) => JSON.parse(result.body) as Body;

describe('the data API on DynamoDB Local', () => {
  it('runs an item through create, idempotent retry, list, patch and delete', async () => {
    const sub = uniqueUserId();
    const post = { body: { title: 'Bike' }, headers: { 'Idempotency-Key': `k-${sub}` } };

    const created = await call(sub, 'POST', '/v1/items', post);
    const retried = await call(sub, 'POST', '/v1/items', post);
    const id = json(created).id;
    const listed = await call(sub, 'GET', '/v1/items', { query: { limit: '10' } });
    const stale = await call(sub, 'PATCH', `/v1/items/${id}`, {
      body: { body: 'x' },
      headers: { 'If-Match': '"9"' },
    });
    const patched = await call(sub, 'PATCH', `/v1/items/${id}`, {
      body: { body: 'Blue', tags: ['Sale'] },
      headers: { 'If-Match': String(created.headers?.etag) },
    });
    const deleted = await call(sub, 'DELETE', `/v1/items/${id}`, {
      headers: { 'If-Match': '"2"' },
    });
    const gone = await call(sub, 'GET', `/v1/items/${id}`);

    expect(created.statusCode).toBe(201);
    expect([retried.statusCode, json(retried).id]).toEqual([201, id]);
    expect(json(listed)).toMatchObject({ items: [{ id }], nextCursor: null });
    expect(stale.statusCode).toBe(412);
    expect([patched.statusCode, patched.headers?.etag]).toEqual([200, '"2"']);
    expect(json(patched)).toMatchObject({ body: 'Blue', tags: ['sale'], version: 2 });
    expect([deleted.statusCode, deleted.body]).toEqual([204, '']);
    expect(gone.statusCode).toBe(404);
  });

  it('creates the profile on first read and patches it', async () => {
    const sub = uniqueUserId();

    const first = await call(sub, 'GET', '/v1/me');
    const patched = await call(sub, 'PATCH', '/v1/me', { body: { displayName: 'Ada', bio: null } });
    const again = await call(sub, 'GET', '/v1/me');

    expect(json(first)).toMatchObject({ userId: sub, role: 'customer', version: 1 });
    expect(json(patched)).toMatchObject({ displayName: 'Ada', version: 2 });
    expect(json(again)).toEqual(json(patched));
  });

  it('pages through items with cursors and refuses a tampered one', async () => {
    const sub = uniqueUserId();
    for (let i = 0; i < 3; i++) await call(sub, 'POST', '/v1/items', { body: { title: `t${i}` } });

    const first = await call(sub, 'GET', '/v1/items', { query: { limit: '2' } });
    const cursor = json(first).nextCursor ?? '';
    const second = await call(sub, 'GET', '/v1/items', { query: { limit: '2', cursor } });
    const tampered = await call(sub, 'GET', '/v1/items', { query: { cursor: `x${cursor}` } });
    const foreign = await call(uniqueUserId(), 'GET', '/v1/items', { query: { cursor } });

    const titles = [...json(first).items, ...json(second).items].map(
      (i: { title: string }) => i.title,
    );
    expect(titles).toEqual(['t2', 't1', 't0']);
    expect(json(second).nextCursor).toBeNull();
    expect([tampered.statusCode, foreign.statusCode]).toEqual([400, 400]);
  });
});
