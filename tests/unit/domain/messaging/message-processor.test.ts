import type {
  ConversationStore,
  StoreOutcome,
} from '../../../../layers/domain/src/messaging/conversation-store';
import type { StoredMessage } from '../../../../layers/domain/src/messaging/message';
import type { MessageDelivery } from '../../../../layers/domain/src/messaging/message-delivery';
import { MessageProcessor } from '../../../../layers/domain/src/messaging/message-worker';

const message: StoredMessage = {
  messageId: '01JD0000000000000000000001',
  from: 'alice',
  to: 'bob',
  text: 'hi',
  sentAt: '2026-11-22T12:00:00.000Z',
};
const messageOf = (messageId: string, from: string, to: string): StoredMessage => ({
  ...message,
  messageId,
  from,
  to,
});

function processorWith(storeAllOnce: ConversationStore['storeAllOnce']) {
  const delivered: StoredMessage[] = [];
  const writes: StoredMessage[][] = [];
  const store = {
    storeAllOnce: async (messages: readonly StoredMessage[]) => {
      writes.push([...messages]);
      return storeAllOnce(messages);
    },
  } as unknown as ConversationStore;
  const delivery: MessageDelivery = { deliver: async (m) => void delivered.push(m) };
  return { processor: new MessageProcessor(store, [delivery]), delivered, writes };
}
const every =
  (outcome: StoreOutcome): ConversationStore['storeAllOnce'] =>
  async (messages) =>
    messages.map(() => outcome);

describe('MessageProcessor.storeBatch', () => {
  it('writes each conversation once, both directions together, and gives each message its outcome', async () => {
    const { processor, writes } = processorWith(async (messages) =>
      messages.map((m) => (m.messageId === 'm2' ? 'stored-already' : 'stored')),
    );
    const batch = [
      messageOf('m1', 'alice', 'bob'),
      messageOf('m2', 'carol', 'dave'),
      messageOf('m3', 'bob', 'alice'),
    ];

    const outcomes = processor.storeBatch(batch);

    expect(await outcomes.get('m1')).toBe('stored');
    expect(await outcomes.get('m2')).toBe('stored-already');
    expect(await outcomes.get('m3')).toBe('stored');
    expect(writes.map((write) => write.map((m) => m.messageId))).toEqual([['m1', 'm3'], ['m2']]);
  });

  it('writes a message the queue delivered twice in one batch once', async () => {
    const { processor, writes } = processorWith(every('stored'));
    const twice = messageOf('m1', 'alice', 'bob');

    const outcomes = processor.storeBatch([twice, { ...twice }]);

    expect(await outcomes.get('m1')).toBe('stored');
    expect(writes).toEqual([[twice]]);
  });

  it('fails only the messages of a conversation whose write failed', async () => {
    const { processor } = processorWith(async (messages) => {
      if (messages[0]?.from === 'carol') throw new Error('throttled');
      return messages.map(() => 'stored');
    });

    const outcomes = processor.storeBatch([
      messageOf('m1', 'alice', 'bob'),
      messageOf('m2', 'carol', 'dave'),
    ]);

    await expect(outcomes.get('m2')).rejects.toThrow('throttled');
    expect(await outcomes.get('m1')).toBe('stored');
  });
});

describe('MessageProcessor.deliver', () => {
  it('delivers a newly stored message', async () => {
    const { processor, delivered } = processorWith(every('stored'));

    const result = await processor.deliver(message, 'stored');

    expect(result).toEqual({ messageId: message.messageId, outcome: 'stored' });
    expect(delivered).toEqual([message]);
  });

  it('delivers a redelivered message again, since the first attempt may not have', async () => {
    const { processor, delivered } = processorWith(every('stored'));

    await processor.deliver(message, 'stored-already');

    expect(delivered).toEqual([message]);
  });

  it('drops a message between accounts of which one is erased: no push, no frame, no retry', async () => {
    const { processor, delivered } = processorWith(every('stored'));

    const result = await processor.deliver(message, 'account-erased');

    expect(result.outcome).toBe('account-erased');
    expect(delivered).toEqual([]);
  });
});
