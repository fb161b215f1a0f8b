import {
  CreatePlatformEndpointCommand,
  EndpointDisabledException,
  InvalidParameterException,
  NotFoundException,
  PublishCommand,
  SetEndpointAttributesCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { SnsPushSender } from '../../../../../layers/domain/src/messaging/push/sns-push-sender';

const sns = mockClient(SNSClient);
const endpointArn = 'arn:aws:sns:us-east-1:123456789012:endpoint/GCM/android/0b1c2d3e';
const applicationArn = 'arn:aws:sns:us-east-1:123456789012:app/GCM/android';
const notification = { title: 'New message', body: 'hi', messageId: 'm1', from: 'u1' };
const meta = { $metadata: {} };

afterEach(() => sns.reset());

describe('SnsPushSender', () => {
  it('publishes a json-structured message to the endpoint', async () => {
    // prepare
    sns.on(PublishCommand).resolves({ MessageId: 'x' });

    // act
    const outcome = await new SnsPushSender(new SNSClient({})).publish(endpointArn, notification);

    // assess
    expect(outcome).toBe('delivered');
    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input?.MessageStructure).toBe('json');
    expect(input?.TargetArn).toBe(endpointArn);
    expect(Object.keys(JSON.parse(input?.Message ?? '{}'))).toEqual(['default', 'GCM']);
  });

  it('reports a disabled endpoint as gone', async () => {
    sns.on(PublishCommand).rejects(new EndpointDisabledException({ message: 'disabled', ...meta }));

    const outcome = await new SnsPushSender(new SNSClient({})).publish(endpointArn, notification);

    expect(outcome).toBe('gone');
  });

  it('reports a deleted endpoint as gone', async () => {
    sns.on(PublishCommand).rejects(new NotFoundException({ message: 'gone', ...meta }));

    const outcome = await new SnsPushSender(new SNSClient({})).publish(endpointArn, notification);

    expect(outcome).toBe('gone');
  });

  it('lets other publish failures through', async () => {
    sns.on(PublishCommand).rejects(new Error('throttled'));

    await expect(
      new SnsPushSender(new SNSClient({})).publish(endpointArn, notification),
    ).rejects.toThrow('throttled');
  });

  it('creates the endpoint with the user id as custom user data', async () => {
    sns.on(CreatePlatformEndpointCommand).resolves({ EndpointArn: endpointArn });

    const arn = await new SnsPushSender(new SNSClient({})).createEndpoint(
      applicationArn,
      'tok',
      'u1',
    );

    expect(arn).toBe(endpointArn);
    expect(sns.commandCalls(CreatePlatformEndpointCommand)[0]?.args[0].input).toEqual({
      PlatformApplicationArn: applicationArn,
      Token: 'tok',
      CustomUserData: 'u1',
    });
  });

  it('takes over the endpoint SNS names when the token exists with other attributes', async () => {
    // prepare
    sns.on(CreatePlatformEndpointCommand).rejects(
      new InvalidParameterException({
        message: `Invalid parameter: Token Reason: Endpoint ${endpointArn} already exists with the same Token, but different attributes.`,
        ...meta,
      }),
    );
    sns.on(SetEndpointAttributesCommand).resolves({});

    // act
    const arn = await new SnsPushSender(new SNSClient({})).createEndpoint(
      applicationArn,
      'tok',
      'u2',
    );

    // assess
    expect(arn).toBe(endpointArn);
    expect(sns.commandCalls(SetEndpointAttributesCommand)[0]?.args[0].input.Attributes).toEqual({
      CustomUserData: 'u2',
      Enabled: 'true',
      Token: 'tok',
    });
  });
});
