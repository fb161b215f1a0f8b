import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { startCognitoLocal } from '../../../sandbox/cognito/cognito-local';
import { ensureUserPools } from '../../../sandbox/cognito/user-pools';
import { ensureUser, signIn } from '../../../sandbox/cognito/users';
import { freePort } from '../../../sandbox/ports';
import type { RunningService } from '../../../sandbox/processes';
import { closeServer, listen } from '../../../sandbox/runtime/listen';
import type { PhysicalResources } from '../../../sandbox/template/model';
import { parseTemplate } from '../../../sandbox/template/parse';

const model = parseTemplate(resolve('template.yaml'));
const PASSWORD = 'Correct-Horse-42';

function clientFor(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

function refOf(resources: PhysicalResources, logicalId: string): string {
  const resource = resources[logicalId];
  if (!resource) throw new Error(`${logicalId} was not created`);
  return resource.ref;
}

describe('cognito-local with the template user pool', () => {
  let cognito: RunningService;
  let client: CognitoIdentityProviderClient;
  let resources: PhysicalResources;

  beforeAll(async () => {
    cognito = await startCognitoLocal({ port: await freePort() });
    client = clientFor(cognito.endpoint);
    resources = await ensureUserPools(client, model.userPools);
  }, 30_000);

  afterAll(async () => {
    client?.destroy();
    await cognito?.stop();
  });

  it('finds the same pool, client and groups when ensured again', async () => {
    const again = await ensureUserPools(client, model.userPools);

    expect(again).toEqual(resources);
  });

  it('gives the pool a local ARN and the emulator as provider URL', () => {
    const poolId = refOf(resources, 'UserPool');

    const attributes = resources.UserPool?.attributes;

    expect(attributes).toEqual({
      Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`,
      ProviderName: `${cognito.endpoint.replace('http://', '')}/${poolId}`,
      ProviderURL: `${cognito.endpoint}/${poolId}`,
    });
  });

  it('keeps the sub of a user ensured twice', async () => {
    const user = {
      userPoolId: refOf(resources, 'UserPool'),
      email: 'twice@example.com',
      password: PASSWORD,
    };
    const first = await ensureUser(client, user);

    const second = await ensureUser(client, user);

    expect(second.sub).toBe(first.sub);
  });

  it('signs a user in with an ID token issued by the local pool for the app client', async () => {
    const poolId = refOf(resources, 'UserPool');
    const clientId = refOf(resources, 'UserPoolClient');
    const { sub } = await ensureUser(client, {
      userPoolId: poolId,
      email: 'ada@example.com',
      password: PASSWORD,
      groups: ['customers'],
    });

    const tokens = await signIn(client, { clientId, email: 'ada@example.com', password: PASSWORD });

    expect(decodeJwt(tokens.idToken)).toMatchObject({
      iss: `${cognito.endpoint}/${poolId}`,
      aud: clientId,
      sub,
      email: 'ada@example.com',
      email_verified: true,
      token_use: 'id',
      'cognito:groups': ['customers'],
    });
    expect(tokens.accessToken).not.toBe('');
    expect(tokens.refreshToken).not.toBe('');
  });

  it('issues ID tokens with the lifetime the template gives the app client', async () => {
    const clientId = refOf(resources, 'UserPoolClient');
    await ensureUser(client, {
      userPoolId: refOf(resources, 'UserPool'),
      email: 'eve@example.com',
      password: PASSWORD,
    });

    const { idToken } = await signIn(client, {
      clientId,
      email: 'eve@example.com',
      password: PASSWORD,
    });

    const { iat = 0, exp = 0 } = decodeJwt(idToken);
    expect(exp - iat).toBe(60 * 60);
  });

  it('refuses a sign-in with a wrong password', async () => {
    const clientId = refOf(resources, 'UserPoolClient');
    await ensureUser(client, {
      userPoolId: refOf(resources, 'UserPool'),
      email: 'bob@example.com',
      password: PASSWORD,
    });

    const attempt = signIn(client, {
      clientId,
      email: 'bob@example.com',
      password: 'Wrong-Password-1',
    });

    await expect(attempt).rejects.toThrow();
  });
});

describe('cognito-local with a data directory', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cognito-data-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps pool and client ids across a restart', async () => {
    const first = await startCognitoLocal({ port: await freePort(), dataDir });
    const firstClient = clientFor(first.endpoint);
    let before: PhysicalResources;
    try {
      before = await ensureUserPools(firstClient, model.userPools);
    } finally {
      firstClient.destroy();
      await first.stop();
    }

    const second = await startCognitoLocal({ port: await freePort(), dataDir });
    const secondClient = clientFor(second.endpoint);
    try {
      const after = await ensureUserPools(secondClient, model.userPools);

      expect([refOf(after, 'UserPool'), refOf(after, 'UserPoolClient')]).toEqual([
        refOf(before, 'UserPool'),
        refOf(before, 'UserPoolClient'),
      ]);
    } finally {
      secondClient.destroy();
      await second.stop();
    }
  }, 30_000);
});

interface Invocation {
  path: string;
  event: { triggerSource?: string; request?: { userAttributes?: Record<string, string> } };
}

/** Stands in for the Lambda Invoke API: records each invocation and lets the trigger confirm the user. */
function fakeLambda(invocations: Invocation[]): Server {
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      invocations.push({
        path: request.url ?? '',
        event: JSON.parse(Buffer.concat(chunks).toString()) as Invocation['event'],
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ response: { autoConfirmUser: true } }));
    });
  });
}

/** A developer's cognito-local configuration, which the sandbox keeps beside the issuer it writes. */
function configureTriggers(dataDir: string, lambdaEndpoint: string): void {
  const configDir = join(dataDir, 'cognito', '.cognito');
  mkdirSync(configDir, { recursive: true });
  const config = {
    TriggerFunctions: { PreSignUp: 'pre-sign-up' },
    LambdaClient: { endpoint: lambdaEndpoint },
  };
  writeFileSync(join(configDir, 'config.json'), JSON.stringify(config));
}

describe("cognito-local with a developer's trigger functions", () => {
  const invocations: Invocation[] = [];
  let dataDir: string;
  let lambda: Server;
  let cognito: RunningService;
  let client: CognitoIdentityProviderClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cognito-triggers-'));
    lambda = fakeLambda(invocations);
    configureTriggers(dataDir, await listen(lambda, 0, '127.0.0.1', 'fake Lambda'));
    cognito = await startCognitoLocal({ port: await freePort(), dataDir });
    client = clientFor(cognito.endpoint);
  }, 30_000);

  afterAll(async () => {
    client?.destroy();
    await cognito?.stop();
    await closeServer(lambda);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('invokes the PreSignUp function on sign-up and applies its answer', async () => {
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'triggers' }));
    const { UserPoolClient } = await client.send(
      new CreateUserPoolClientCommand({ UserPoolId: UserPool?.Id, ClientName: 'app' }),
    );

    const signUp = await client.send(
      new SignUpCommand({
        ClientId: UserPoolClient?.ClientId,
        Username: 'trigger@example.com',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'trigger@example.com' }],
      }),
    );

    expect(invocations).toEqual([
      {
        path: '/2015-03-31/functions/pre-sign-up/invocations',
        event: expect.objectContaining({
          triggerSource: 'PreSignUp_SignUp',
          request: expect.objectContaining({
            userAttributes: expect.objectContaining({ email: 'trigger@example.com' }),
          }),
        }),
      },
    ]);
    expect(signUp.UserConfirmed).toBe(true);
  });
});
