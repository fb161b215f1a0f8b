// Guests through the identity pool, from an app's point of view, against a
// sandbox started with GuestAccess=enabled: the unchanged Cognito Identity
// client gets an identity and credentials, and SigV4-signed requests reach the
// public routes only. What a guest may not do is refused as API Gateway
// refuses it.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { jest } from '@jest/globals';
import { ensureUser, signIn } from '../../sandbox/cognito/users';
import { startSandboxProcess, type SandboxProcess } from '../../sandbox/spawn-sandbox';
import { eventually } from './support/http';
import { sandboxOutputs, type SandboxOutputs } from './support/outputs';

jest.setTimeout(60_000);

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

interface Reply {
  status: number;
  json: Record<string, unknown> & { items?: { id: string }[] };
}

let sandbox: SandboxProcess;
let outputs: SandboxOutputs;
let identity: CognitoIdentityClient;
let guest: Credentials;
let ownerToken: string;
let publicId: string;
let privateId: string;
const word = `w${randomUUID().replaceAll('-', '')}`;

const identityClient = (endpoint: string) =>
  new CognitoIdentityClient({ endpoint, region: 'us-east-1' });

async function guestCredentials(): Promise<{ identityId: string; credentials: Credentials }> {
  const { IdentityId: identityId = '' } = await identity.send(
    new GetIdCommand({ IdentityPoolId: outputs.IdentityPoolId }),
  );
  const { Credentials: issued } = await identity.send(
    new GetCredentialsForIdentityCommand({ IdentityId: identityId }),
  );
  return {
    identityId,
    credentials: {
      accessKeyId: issued?.AccessKeyId ?? '',
      secretAccessKey: issued?.SecretKey ?? '',
      sessionToken: issued?.SessionToken ?? '',
    },
  };
}

/** A request as an app's SigV4 signer (service execute-api) sends it. */
async function signed(
  method: string,
  path: string,
  credentials: Credentials,
  body?: string,
): Promise<Reply> {
  const url = new URL(`${outputs.ApiUrl}${path}`);
  const signer = new SignatureV4({
    service: 'execute-api',
    region: 'us-east-1',
    credentials,
    sha256: Hash.bind(null, 'sha256'),
  });
  const request = await signer.sign(
    new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: {
        host: url.host,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body }),
    }),
  );
  return send(url, method, request.headers, body);
}

async function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  // fetch sets Host itself, to the value that was signed.
  const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'host'));
  const response = await fetch(url, { method, headers: sent, body });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Reply['json']) : {} };
}

async function createItem(visibility: 'public' | 'private'): Promise<string> {
  const response = await fetch(`${outputs.ApiUrl}/v1/items`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: `Bike ${word}`, visibility }),
  });
  expect(response.status).toBe(201);
  return String(((await response.json()) as { id: string }).id);
}

beforeAll(async () => {
  sandbox = await startSandboxProcess(['--parameter-overrides', 'GuestAccess=enabled']);
  outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as SandboxOutputs;
  identity = identityClient(outputs.CognitoIdentityEndpoint as string);
  const cognito = new CognitoIdentityProviderClient({
    endpoint: outputs.CognitoEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const email = `owner-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}-A1!`;
  await ensureUser(cognito, { userPoolId: outputs.UserPoolId, email, password });
  ownerToken = (await signIn(cognito, { clientId: outputs.UserPoolClientId, email, password }))
    .idToken;
  cognito.destroy();
  [publicId, privateId] = [await createItem('public'), await createItem('private')];
  guest = (await guestCredentials()).credentials;
}, 120_000);

afterAll(async () => {
  identity?.destroy();
  await sandbox?.stop();
});

describe('a guest', () => {
  it('finds public items, and only those, with a signed search', async () => {
    const reply = await eventually(
      () => signed('GET', `/v1/public/search?q=${word}`, guest),
      (r) => r.status === 200 && (r.json.items ?? []).length > 0,
      10_000,
    );

    expect(reply.status).toBe(200);
    expect((reply.json.items ?? []).map((hit) => hit.id)).toEqual([publicId]);
  });

  it('reads a public item', async () => {
    const reply = await signed('GET', `/v1/public/items/${publicId}`, guest);

    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ id: publicId, visibility: 'public' });
  });

  it('is told a private item does not exist', async () => {
    const reply = await signed('GET', `/v1/public/items/${privateId}`, guest);

    expect(reply.status).toBe(404);
  });

  it.each([
    ['GET', '/v1/search?q=bike'],
    ['GET', '/v1/me'],
    ['GET', '/v1/items'],
    ['DELETE', '/v1/me'],
  ])('is refused with 401 on %s %s, a route for bearer tokens', async (method, path) => {
    const reply = await signed(method, path, guest);

    expect(reply.status).toBe(401);
  });

  it('cannot write through a guest route', async () => {
    const reply = await signed('POST', '/v1/public/search', guest, '{}');

    expect(reply.status).toBe(404);
  });

  it('finds no DELETE on a guest path', async () => {
    const reply = await signed('DELETE', `/v1/public/items/${publicId}`, guest);

    expect(reply.status).toBe(404);
  });
});

describe('a guest route', () => {
  it('answers an unsigned request as API Gateway does (missing authentication token)', async () => {
    const reply = await send(new URL(`${outputs.ApiUrl}/v1/public/search?q=x`), 'GET', {});

    expect(reply.status).toBe(404);
  });

  it('refuses a request signed with the wrong secret with 403', async () => {
    const wrong = { ...guest, secretAccessKey: `${guest.secretAccessKey}x` };

    const reply = await signed('GET', '/v1/public/search?q=x', wrong);

    expect(reply).toMatchObject({
      status: 403,
      json: { detail: expect.stringMatching(/signature/) },
    });
  });

  it('refuses credentials the identity pool never issued with 403', async () => {
    const made = { ...guest, accessKeyId: 'ASIAMADEUPMADEUPMADE' };

    const reply = await signed('GET', '/v1/public/search?q=x', made);

    expect(reply).toMatchObject({ status: 403, json: { detail: expect.stringMatching(/token/) } });
  });

  it('refuses a signature whose session token was swapped with 403', async () => {
    const other = (await guestCredentials()).credentials;

    const reply = await signed('GET', '/v1/public/search?q=x', {
      ...guest,
      sessionToken: other.sessionToken,
    });

    expect(reply.status).toBe(403);
  });
});

describe('the identity pool', () => {
  it('gives each new guest its own identity', async () => {
    const [first, second] = [await guestCredentials(), await guestCredentials()];

    expect(first.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(second.identityId).not.toBe(first.identityId);
  });

  it('keeps a guest identity when the guest signs in, now authenticated', async () => {
    const { identityId } = await guestCredentials();
    const logins = { [`cognito-idp.us-east-1.amazonaws.com/${outputs.UserPoolId}`]: ownerToken };

    const signedIn = await identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }),
    );
    const again = await identity.send(
      new GetIdCommand({ IdentityPoolId: outputs.IdentityPoolId, Logins: logins }),
    );

    expect(signedIn.IdentityId).toBe(identityId);
    expect(again.IdentityId).toBe(identityId);
  });

  it('refuses a login token that is not an ID token of the user pool', async () => {
    const logins = { [`cognito-idp.us-east-1.amazonaws.com/${outputs.UserPoolId}`]: 'not-a-token' };

    const attempt = identity.send(
      new GetIdCommand({ IdentityPoolId: outputs.IdentityPoolId, Logins: logins }),
    );

    await expect(attempt).rejects.toBeInstanceOf(NotAuthorizedException);
  });

  it('gives no guest identity when GuestAccess is disabled (the default)', async () => {
    const defaults = sandboxOutputs();
    const client = identityClient(defaults.CognitoIdentityEndpoint as string);

    const attempt = client.send(new GetIdCommand({ IdentityPoolId: defaults.IdentityPoolId }));

    await expect(attempt).rejects.toBeInstanceOf(NotAuthorizedException);
    client.destroy();
  });
});
