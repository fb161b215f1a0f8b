// What a chat message may say: any Unicode text SQS carries, emoji included;
// text no downstream service can carry is refused up front with a 422.
import { call } from './support/http';
import { conversationOf, withProfile } from './support/messaging';
import { newUser, type TestUser } from './support/users';

let sender: TestUser;
let recipient: TestUser;

beforeAll(async () => {
  [sender, recipient] = await Promise.all([newUser(), newUser()]);
  await Promise.all([withProfile(sender), withProfile(recipient)]);
});

const send = (text: string) =>
  call('POST', '/v1/messages', { token: sender.idToken, body: { to: recipient.sub, text } });

describe('message text', () => {
  it('delivers emoji and other characters beyond the Basic Multilingual Plane intact', async () => {
    const text = 'hi 🦄 𝓊𝓃𝒾𝒸𝑜𝒹𝑒 👋🏽';

    const sent = await send(text);

    expect(sent.status).toBe(202);
    const conversation = await conversationOf(recipient, sender);
    expect(conversation.json.items?.[0]).toMatchObject({ text, from: sender.sub });
  });

  it.each([
    ['U+FFFF, which SQS refuses', 'bad \uffff'],
    ['a lone surrogate, which UTF-8 cannot encode', 'lone \ud800'],
  ])('refuses %s with 422 naming the field, and queues nothing', async (_name, text) => {
    const sent = await send(text);

    expect(sent.status).toBe(422);
    expect(sent.json).toMatchObject({ errors: [{ path: 'text' }] });
    const conversation = await call('GET', `/v1/conversations/${recipient.sub}/messages`, {
      token: sender.idToken,
    });
    expect(JSON.stringify(conversation.json)).not.toContain(text.slice(0, 4));
  });
});
