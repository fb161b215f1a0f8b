import { jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  CreatePlatformApplicationCommand,
  DeletePlatformApplicationCommand,
  NotFoundException,
  SetPlatformApplicationAttributesCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createCustomResourceHandler } from '../../../../../layers/domain/src/custom-resources/custom-resource';
import { PushPlatformApplications } from '../../../../../layers/domain/src/messaging/push/platform-applications';
import { SecretsManagerSecretReader } from '../../../../../layers/domain/src/messaging/push/secrets-manager-secret-reader';
import { SnsPlatformApplications } from '../../../../../layers/domain/src/messaging/push/sns-platform-applications';
import { logger } from '../../../../../layers/domain/src/observability';

// The custom resource as CloudFormation drives it: one event in, one reply
// PUT to the pre-signed ResponseURL (here a real local server), never a
// CloudFormation left waiting.

const sns = mockClient(SNSClient);
const secretsManager = mockClient(SecretsManagerClient);
const meta = { $metadata: {} };
const apnsSecretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:push/apns-AbCdEf';
const fcmSecretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:push/fcm-AbCdEf';
const apnsArn = 'arn:aws:sns:us-east-1:123456789012:app/APNS/stack-ios';
const signingKey = '-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMG\n-----END PRIVATE KEY-----\n';
const apnsSecret = {
  signingKey,
  keyId: 'ABC123DEFG',
  teamId: 'TEAM123456',
  bundleId: 'com.example.app',
};
const fcmSecret = JSON.stringify({
  type: 'service_account',
  project_id: 'example-app',
  private_key: signingKey,
  client_email: 'push@example-app.iam.gserviceaccount.com',
});

interface Reply {
  contentType: string | undefined;
  body: Record<string, unknown>;
}

let server: Server;
let responseUrl: string;
let replies: Reply[];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      replies.push({
        contentType: request.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      response.writeHead(request.method === 'PUT' ? 200 : 405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response?X-Amz-Signature=abc`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  replies = [];
  jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  secretsManager.on(GetSecretValueCommand, { SecretId: apnsSecretArn }).resolves({
    SecretString: JSON.stringify(apnsSecret),
  });
  secretsManager.on(GetSecretValueCommand, { SecretId: fcmSecretArn }).resolves({
    SecretString: fcmSecret,
  });
});

afterEach(() => {
  sns.reset();
  secretsManager.reset();
  jest.restoreAllMocks();
});

const apnsProperties = {
  ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:push',
  Platform: 'APNS',
  Name: 'stack-ios',
  CredentialsSecretArn: apnsSecretArn,
};

function eventOf(
  fields: Partial<CloudFormationCustomResourceEvent> &
    Pick<CloudFormationCustomResourceEvent, 'RequestType'>,
): CloudFormationCustomResourceEvent {
  return {
    ServiceToken: apnsProperties.ServiceToken,
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/stack/1a2b',
    RequestId: 'request-1',
    LogicalResourceId: 'ApnsPlatformApplication',
    ResourceType: 'Custom::PushPlatformApplication',
    ResourceProperties: apnsProperties,
    ...fields,
  } as CloudFormationCustomResourceEvent;
}

function contextWith(remainingMs = 60_000): Context {
  return { getRemainingTimeInMillis: () => remainingMs } as Context;
}

async function run(event: CloudFormationCustomResourceEvent, context = contextWith()) {
  const handler = createCustomResourceHandler(
    new PushPlatformApplications(
      new SnsPlatformApplications(new SNSClient({ region: 'us-east-1' })),
      new SecretsManagerSecretReader(new SecretsManagerClient({ region: 'us-east-1' })),
    ),
  );
  await handler(event, context);
  expect(replies).toHaveLength(1);
  return replies[0] as Reply;
}

describe('Create', () => {
  it('creates the APNs application with token credentials and replies SUCCESS with its ARN', async () => {
    // prepare
    sns.on(CreatePlatformApplicationCommand).resolves({ PlatformApplicationArn: apnsArn });

    // act
    const reply = await run(eventOf({ RequestType: 'Create' }));

    // assess
    expect(sns.commandCalls(CreatePlatformApplicationCommand)[0]?.args[0].input).toEqual({
      Name: 'stack-ios',
      Platform: 'APNS',
      Attributes: {
        PlatformCredential: signingKey,
        PlatformPrincipal: 'ABC123DEFG',
        ApplePlatformTeamID: 'TEAM123456',
        ApplePlatformBundleID: 'com.example.app',
      },
    });
    expect(reply.body).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: apnsArn,
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/stack/1a2b',
      RequestId: 'request-1',
      LogicalResourceId: 'ApnsPlatformApplication',
      NoEcho: false,
      Data: { Arn: apnsArn },
    });
  });

  it('PUTs the reply with an empty content type, as the pre-signed URL is signed', async () => {
    sns.on(CreatePlatformApplicationCommand).resolves({ PlatformApplicationArn: apnsArn });

    const reply = await run(eventOf({ RequestType: 'Create' }));

    expect(reply.contentType ?? '').toBe('');
  });

  it('gives SNS the FCM service-account JSON, as it is, as the credential of a GCM application', async () => {
    const fcmArn = 'arn:aws:sns:us-east-1:123456789012:app/GCM/stack-android';
    sns.on(CreatePlatformApplicationCommand).resolves({ PlatformApplicationArn: fcmArn });
    const properties = {
      ...apnsProperties,
      Platform: 'GCM',
      Name: 'stack-android',
      CredentialsSecretArn: fcmSecretArn,
    };

    const reply = await run(eventOf({ RequestType: 'Create', ResourceProperties: properties }));

    expect(sns.commandCalls(CreatePlatformApplicationCommand)[0]?.args[0].input).toEqual({
      Name: 'stack-android',
      Platform: 'GCM',
      Attributes: { PlatformCredential: fcmSecret },
    });
    expect(reply.body.Data).toEqual({ Arn: fcmArn });
  });
});

describe('Update', () => {
  it('sets the new credentials on the same application and keeps its id', async () => {
    sns.on(SetPlatformApplicationAttributesCommand).resolves({});

    const reply = await run(
      eventOf({
        RequestType: 'Update',
        PhysicalResourceId: apnsArn,
        OldResourceProperties: apnsProperties,
      }),
    );

    expect(
      sns.commandCalls(SetPlatformApplicationAttributesCommand)[0]?.args[0].input,
    ).toMatchObject({
      PlatformApplicationArn: apnsArn,
      Attributes: { PlatformPrincipal: 'ABC123DEFG' },
    });
    expect(sns.commandCalls(CreatePlatformApplicationCommand)).toHaveLength(0);
    expect(reply.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: apnsArn });
  });

  it('creates another application for another platform, so CloudFormation deletes the old one', async () => {
    // prepare
    const sandboxArn = 'arn:aws:sns:us-east-1:123456789012:app/APNS_SANDBOX/stack-ios';
    sns.on(CreatePlatformApplicationCommand).resolves({ PlatformApplicationArn: sandboxArn });

    // act
    const reply = await run(
      eventOf({
        RequestType: 'Update',
        PhysicalResourceId: apnsArn,
        ResourceProperties: { ...apnsProperties, Platform: 'APNS_SANDBOX' },
        OldResourceProperties: apnsProperties,
      }),
    );

    // assess
    expect(sns.commandCalls(CreatePlatformApplicationCommand)[0]?.args[0].input.Platform).toBe(
      'APNS_SANDBOX',
    );
    expect(sns.commandCalls(SetPlatformApplicationAttributesCommand)).toHaveLength(0);
    expect(sns.commandCalls(DeletePlatformApplicationCommand)).toHaveLength(0);
    expect(reply.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: sandboxArn });
  });
});

describe('Delete', () => {
  it('deletes the application', async () => {
    sns.on(DeletePlatformApplicationCommand).resolves({});

    const reply = await run(eventOf({ RequestType: 'Delete', PhysicalResourceId: apnsArn }));

    expect(sns.commandCalls(DeletePlatformApplicationCommand)[0]?.args[0].input).toEqual({
      PlatformApplicationArn: apnsArn,
    });
    expect(reply.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: apnsArn });
  });

  it('succeeds for an application that is gone already', async () => {
    sns
      .on(DeletePlatformApplicationCommand)
      .rejects(new NotFoundException({ message: 'PlatformApplication does not exist', ...meta }));

    const reply = await run(eventOf({ RequestType: 'Delete', PhysicalResourceId: apnsArn }));

    expect(reply.body.Status).toBe('SUCCESS');
  });

  it('succeeds without calling SNS for the id of a Create that failed', async () => {
    sns.on(CreatePlatformApplicationCommand).rejects(new Error('throttled'));
    const failedCreate = await run(eventOf({ RequestType: 'Create' }));
    replies = [];

    const reply = await run(
      eventOf({
        RequestType: 'Delete',
        PhysicalResourceId: String(failedCreate.body.PhysicalResourceId),
      }),
    );

    expect(reply.body.Status).toBe('SUCCESS');
    expect(sns.commandCalls(DeletePlatformApplicationCommand)).toHaveLength(0);
  });
});

describe('failures', () => {
  it('replies FAILED with a reason when the secret is not JSON, without its value', async () => {
    // prepare
    secretsManager
      .on(GetSecretValueCommand, { SecretId: apnsSecretArn })
      .resolves({ SecretString: 'not json: s3cr3t' });

    // act
    const reply = await run(eventOf({ RequestType: 'Create' }));

    // assess
    expect(reply.body).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringContaining('not JSON'),
      PhysicalResourceId: 'ApnsPlatformApplication-create-failed-request-1',
    });
    expect(String(reply.body.Reason)).not.toContain('s3cr3t');
    expect(sns.commandCalls(CreatePlatformApplicationCommand)).toHaveLength(0);
  });

  it('names the missing fields of APNs credentials', async () => {
    secretsManager
      .on(GetSecretValueCommand, { SecretId: apnsSecretArn })
      .resolves({ SecretString: JSON.stringify({ ...apnsSecret, teamId: undefined }) });

    const reply = await run(eventOf({ RequestType: 'Create' }));

    expect(reply.body.Status).toBe('FAILED');
    expect(reply.body.Reason).toMatch(/teamId/);
  });

  it('replies FAILED with the SNS error and keeps the id of the resource being updated', async () => {
    sns.on(SetPlatformApplicationAttributesCommand).rejects(
      Object.assign(new Error('Invalid parameter: Attributes Reason: invalid key'), {
        name: 'InvalidParameterException',
      }),
    );

    const reply = await run(
      eventOf({
        RequestType: 'Update',
        PhysicalResourceId: apnsArn,
        OldResourceProperties: apnsProperties,
      }),
    );

    expect(reply.body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: apnsArn });
    expect(reply.body.Reason).toMatch(/InvalidParameterException: Invalid parameter/);
  });

  it('replies FAILED before the function times out when SNS does not answer', async () => {
    sns.on(CreatePlatformApplicationCommand).callsFake(() => new Promise(() => undefined));

    const reply = await run(eventOf({ RequestType: 'Create' }), contextWith(5_100));

    expect(reply.body.Status).toBe('FAILED');
    expect(reply.body.Reason).toMatch(/did not finish before the function's timeout/);
  });

  it('replies FAILED for properties it cannot use', async () => {
    const reply = await run(
      eventOf({
        RequestType: 'Create',
        ResourceProperties: { ...apnsProperties, Platform: 'ADM' },
      }),
    );

    expect(reply.body.Status).toBe('FAILED');
    expect(reply.body.Reason).toMatch(/Platform/);
  });
});
