// The cursor-signing key rotated in the sandbox as Secrets Manager rotates it
// on AWS: RotateSecret on the local endpoint runs CursorKeyRotationFunction's
// four steps. Its own sandbox, with the keys never cached, so that the
// rotation changes nothing for the other api test files and the functions see
// the new key on their next request.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  GetSecretValueCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { jest } from '@jest/globals';
import { startSandboxProcess, type SandboxProcess } from '../../sandbox/spawn-sandbox';
import { call } from './support/http';
import type { SandboxOutputs } from './support/outputs';
import { newUser, type TestUser } from './support/users';

jest.setTimeout(120_000);

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:CursorSigningSecret-local';
let sandbox: SandboxProcess;
let secretsManager: SecretsManagerClient;
let user: TestUser;
const globalOutputsFile = process.env.SANDBOX_OUTPUTS_FILE;

beforeAll(async () => {
  sandbox = await startSandboxProcess([
    '--async-retry-delay-ms',
    '200',
    '--parameter-overrides',
    'CursorKeysMaxAgeSeconds=0',
  ]);
  process.env.SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  const outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as SandboxOutputs;
  secretsManager = new SecretsManagerClient({
    endpoint: outputs.SecretsManagerEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  user = await newUser();
  for (const n of [1, 2, 3]) {
    const created = await call('POST', '/v1/items', {
      token: user.idToken,
      body: { title: `Item ${n} ${randomUUID()}` },
    });
    expect(created.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  secretsManager?.destroy();
  await sandbox?.stop();
  process.env.SANDBOX_OUTPUTS_FILE = globalOutputsFile;
});

async function firstPageCursor(): Promise<string> {
  const page = await call('GET', '/v1/items?limit=1', { token: user.idToken });
  expect(page.status).toBe(200);
  return String(page.json.nextCursor);
}

async function currentKey(): Promise<string> {
  const secret = await secretsManager.send(new GetSecretValueCommand({ SecretId: SECRET_ARN }));
  return secret.SecretString ?? '';
}

function isSignedWith(cursor: string, key: string): boolean {
  const [payload = '', signature] = cursor.split('.');
  return createHmac('sha256', key).update(payload).digest('base64url') === signature;
}

it('keeps a cursor signed before the rotation valid, and signs new cursors with the new key', async () => {
  // prepare
  const oldKey = await currentKey();
  const oldCursor = await firstPageCursor();
  expect(isSignedWith(oldCursor, oldKey)).toBe(true);

  // act
  await secretsManager.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));

  // assess
  const newKey = await currentKey();
  expect(newKey).not.toBe(oldKey);
  const nextPage = await call('GET', `/v1/items?limit=1&cursor=${encodeURIComponent(oldCursor)}`, {
    token: user.idToken,
  });
  expect(nextPage.status).toBe(200);
  expect(nextPage.json.items).toHaveLength(1);
  const newCursor = String(nextPage.json.nextCursor);
  expect(isSignedWith(newCursor, newKey)).toBe(true);
  expect(isSignedWith(newCursor, oldKey)).toBe(false);
});

it('refuses a cursor signed with the key of two rotations ago', async () => {
  // prepare
  const cursor = await firstPageCursor();

  // act
  await secretsManager.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));
  await secretsManager.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));

  // assess
  const page = await call('GET', `/v1/items?limit=1&cursor=${encodeURIComponent(cursor)}`, {
    token: user.idToken,
  });
  expect(page.status).toBe(400);
});
