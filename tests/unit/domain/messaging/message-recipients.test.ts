import { jest } from '@jest/globals';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { createMessagingApi } from '@mobile-backend/domain/apps/messaging-api';
import { NotFoundError } from '@mobile-backend/domain/http';

const documents = mockClient(DynamoDBDocumentClient);
const queue = mockClient(SQSClient);

const profileOf = (userId: string, status: 'active' | 'deleting') => ({
  Item: {
    PK: `USER#${userId}`,
    SK: 'PROFILE',
    entity: 'profile',
    userId,
    role: 'customer',
    status,
  },
});

function messagingApi() {
  return createMessagingApi({
    appTableName: 'AppTable',
    idempotencyTableName: 'IdempotencyTable',
    cursorSigningSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:cursor',
    messageQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/messages',
    platformApplications: { ios: '', android: '' },
    allowedOrigins: ['*'],
  });
}

/** The users whose profiles were read, in order. */
const profileReads = () =>
  documents.commandCalls(GetCommand).map((call) => String(call.args[0].input.Key?.PK));

beforeEach(() => {
  documents.reset();
  queue.reset();
  queue.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  documents
    .on(GetCommand, { Key: { PK: 'USER#bob', SK: 'PROFILE' } })
    .resolves(profileOf('bob', 'active'));
  documents
    .on(GetCommand, { Key: { PK: 'USER#eve', SK: 'PROFILE' } })
    .resolves(profileOf('eve', 'deleting'));
  documents.on(GetCommand, { Key: { PK: 'USER#nobody', SK: 'PROFILE' } }).resolves({});
});

describe('sending a message: the recipient check', () => {
  it('reads an active recipient once for messages sent a moment apart', async () => {
    const { messages } = messagingApi();

    await messages.send('alice', { to: 'bob', text: 'one' });
    await messages.send('alice', { to: 'bob', text: 'two' });

    expect(profileReads()).toEqual(['USER#bob']);
    expect(queue.commandCalls(SendMessageCommand)).toHaveLength(2);
  });

  it('reads the recipient again once the second it is remembered for has passed', async () => {
    // Only the clock is faked: the SDK's own timers run as usual.
    jest.useFakeTimers({
      now: new Date('2026-12-01T12:00:00Z'),
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setImmediate',
        'setInterval',
        'nextTick',
        'queueMicrotask',
      ],
    });
    try {
      const { messages } = messagingApi();

      await messages.send('alice', { to: 'bob', text: 'one' });
      jest.setSystemTime(new Date('2026-12-01T12:00:01.001Z'));
      await messages.send('alice', { to: 'bob', text: 'two' });

      expect(profileReads()).toEqual(['USER#bob', 'USER#bob']);
    } finally {
      jest.useRealTimers();
    }
  });

  it.each(['nobody', 'eve'])(
    'refuses a recipient without an active profile (%s) every time, reading it again',
    async (userId) => {
      const { messages } = messagingApi();

      for (let attempt = 0; attempt < 2; attempt++) {
        await expect(messages.send('alice', { to: userId, text: 'hi' })).rejects.toBeInstanceOf(
          NotFoundError,
        );
      }

      expect(profileReads()).toEqual([`USER#${userId}`, `USER#${userId}`]);
      expect(queue.commandCalls(SendMessageCommand)).toHaveLength(0);
    },
  );
});
