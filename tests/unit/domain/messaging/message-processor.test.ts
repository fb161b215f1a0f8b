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

function processorWith(outcome: StoreOutcome) {
  const delivered: StoredMessage[] = [];
  const store = { storeOnce: async () => outcome } as unknown as ConversationStore;
  const delivery: MessageDelivery = { deliver: async (m) => void delivered.push(m) };
  return { processor: new MessageProcessor(store, [delivery]), delivered };
}

describe('MessageProcessor', () => {
  it('delivers a newly stored message', async () => {
    const { processor, delivered } = processorWith('stored');

    const result = await processor.process(message);

    expect(result).toEqual({ messageId: message.messageId, outcome: 'stored' });
    expect(delivered).toEqual([message]);
  });

  it('delivers a redelivered message again, since the first attempt may not have', async () => {
    const { processor, delivered } = processorWith('stored-already');

    await processor.process(message);

    expect(delivered).toEqual([message]);
  });

  it('drops a message between accounts of which one is erased: no push, no frame, no retry', async () => {
    const { processor, delivered } = processorWith('account-erased');

    const result = await processor.process(message);

    expect(result.outcome).toBe('account-erased');
    expect(delivered).toEqual([]);
  });
});
