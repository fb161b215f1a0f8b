// Search, a conversation with live messages and the typing indicator, and the
// local push outbox of the signed-in user's devices.
import type { MobileBackendClient, RealtimeConnection, Schemas } from '../../../client/src/index';
import { byId, element, onClick, status, valueOf } from './dom';
import { photo } from './items';

type Message = Schemas['Message'];

export function setUpSearch(backend: MobileBackendClient): void {
  onClick('search-run', async () => {
    const { data } = await backend.api.request('get', '/v1/search', {
      query: { q: valueOf('search-query') },
    });
    const rows = data.items.map((hit) => {
      const row = element('li', undefined, { 'data-hit-id': hit.id });
      const snippet = element('div');
      snippet.innerHTML = hit.snippet; // HTML-escaped by the API, matches in <em>
      const message = element('button', 'Message the owner');
      message.addEventListener('click', () => {
        byId<HTMLInputElement>('peer').value = hit.ownerId;
        byId('message-text').focus();
      });
      row.append(element('strong', hit.title), snippet, message);
      void backend.api
        .request('get', '/v1/items/{id}', { path: { id: hit.id } })
        .then(({ data: item }) =>
          item.mediaIds.forEach((id) => row.append(photo(backend, id, item.id))),
        );
      return row;
    });
    byId('search-results').replaceChildren(...rows);
    status(`${data.total} found`);
  });
}

export function setUpConversation(backend: MobileBackendClient, me: string): RealtimeConnection {
  const list = byId('messages');
  const show = (message: Message) => {
    const mine = message.from === me;
    list.append(element('li', message.text, { class: mine ? 'me' : 'peer' }));
  };
  const load = async (peerId: string) => {
    const { data } = await backend.api.request('get', '/v1/conversations/{peerId}/messages', {
      path: { peerId },
    });
    list.replaceChildren();
    [...data.items].reverse().forEach(show);
  };
  const live = backend.realtime();
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  live.onState((state) => (byId('live-state').textContent = `Live: ${state}`));
  live.onFrame((frame) => {
    if (frame.type === 'typing') {
      byId('typing').textContent = 'typing…';
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => (byId('typing').textContent = ''), 4000);
    }
    if (frame.type === 'message') {
      byId('typing').textContent = '';
      const peer = frame.message.from === me ? frame.message.to : frame.message.from;
      byId<HTMLInputElement>('peer').value ||= peer;
      if (valueOf('peer') === peer) show(frame.message);
    }
  });
  byId('peer').addEventListener('change', () => void load(valueOf('peer')).catch(() => undefined));
  byId('message-text').addEventListener('input', () => {
    if (valueOf('peer')) live.typing(valueOf('peer'));
  });
  onClick('send-message', async () => {
    const to = valueOf('peer');
    const text = valueOf('message-text');
    await backend.api.request('post', '/v1/messages', { body: { to, text } });
    byId<HTMLInputElement>('message-text').value = '';
    show({ messageId: '', from: me, to, text, sentAt: new Date().toISOString() });
  });
  return live;
}

export function setUpPush(backend: MobileBackendClient, me: string): void {
  const refresh = async () => {
    const reply = await fetch(`/demo/outbox/push?userId=${encodeURIComponent(me)}`);
    const { items } = (await reply.json()) as { items: { payload: unknown; sentAt: string }[] };
    const rows = items.map((push) =>
      element('li', `${push.sentAt} ${JSON.stringify(push.payload)}`),
    );
    byId('push-list').replaceChildren(...rows);
  };
  onClick('register-device', async () => {
    const token = crypto.randomUUID().replaceAll('-', '');
    await backend.api.request('post', '/v1/devices', { body: { platform: 'android', token } });
    status('This browser is a test device: pushes to you land in the outbox below');
  });
  onClick('refresh-push', refresh);
}
