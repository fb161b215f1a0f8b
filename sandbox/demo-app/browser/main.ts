// The demo app: the whole flow of the backend on one page, on the typed
// client alone. Signed out it shows the account form; signed in, every
// section.
import { createMobileBackendClient, type MobileBackendClient } from '../../../client/src/index';
import { setUpConversation, setUpPush, setUpSearch } from './conversation';
import { byId, element, onClick, status, valueOf } from './dom';
import { setUpItems } from './items';

const SECTIONS = ['profile', 'items', 'search', 'conversation', 'push'];

async function showProfile(backend: MobileBackendClient): Promise<string> {
  const { data: profile } = await backend.api.request('get', '/v1/me');
  byId('profile-view').replaceChildren(
    element('div', `${profile.displayName ?? '(no name)'} · ${profile.email ?? ''}`),
    element('div', `User id ${profile.userId}`, { id: 'user-id' }),
  );
  return profile.userId;
}

function setUpProfile(backend: MobileBackendClient): void {
  onClick('save-profile', async () => {
    const { etag } = await backend.api.request('get', '/v1/me');
    const body = { displayName: valueOf('display-name') };
    await backend.api.request('patch', '/v1/me', { body, ...(etag && { ifMatch: etag }) });
    await showProfile(backend);
  });
}

async function signedIn(backend: MobileBackendClient): Promise<void> {
  const me = await showProfile(backend);
  for (const id of SECTIONS) byId(id).hidden = false;
  await setUpItems(backend)();
  setUpConversation(backend, me);
  setUpPush(backend, me);
  status(`Signed in as ${valueOf('email')}`);
}

function setUpAccount(backend: MobileBackendClient): void {
  onClick('sign-up', async () => {
    await backend.auth.signUp(valueOf('email'), byId<HTMLInputElement>('password').value);
    status('Signed up: confirm with the code Cognito sent');
  });
  onClick('fetch-code', async () => {
    const reply = await fetch(`/demo/outbox/mail?to=${encodeURIComponent(valueOf('email'))}`);
    const { items } = (await reply.json()) as { items: { code: string }[] };
    byId<HTMLInputElement>('code').value = items.at(-1)?.code ?? '';
    status(items.length ? 'Code read from the mail outbox' : 'No mail yet');
  });
  onClick('confirm', async () => {
    await backend.auth.confirmSignUp(valueOf('email'), valueOf('code'));
    status('Confirmed: sign in');
  });
  onClick('sign-in', async () => {
    await backend.auth.signIn(valueOf('email'), byId<HTMLInputElement>('password').value);
    await signedIn(backend);
  });
  onClick('sign-out', async () => {
    await backend.auth.signOut();
    location.reload();
  });
}

async function main(): Promise<void> {
  const config = await (await fetch('/demo/config.json')).json();
  // Browsers give WebCrypto, which SRP needs, only to secure origins (https,
  // localhost, 127.0.0.1): a page opened over plain http on another host
  // (--public-host) signs in with USER_PASSWORD_AUTH instead.
  const backend = createMobileBackendClient(config, {
    authFlow: isSecureContext ? 'USER_SRP_AUTH' : 'USER_PASSWORD_AUTH',
  });
  setUpAccount(backend);
  setUpProfile(backend);
  setUpSearch(backend);
}

void main();
