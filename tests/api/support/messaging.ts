import { randomUUID } from 'node:crypto';
import { call, eventually } from './http';
import { sandboxOutputs } from './outputs';
import type { TestUser } from './users';

/** One notification in the sandbox's push outbox. */
export interface Push {
  endpointArn: string;
  platform: string;
  token: string;
  userId: string;
  payload: Record<string, unknown>;
  sentAt: string;
}

/** Every push delivered to the user's devices so far. */
export async function pushesTo(user: TestUser): Promise<Push[]> {
  const url = `${sandboxOutputs().PushOutboxUrl}?userId=${encodeURIComponent(user.sub)}`;
  const { items } = (await (await fetch(url)).json()) as { items: Push[] };
  return items;
}

/** The user as the app leaves them after sign-in: with a profile, so others can message them. */
export async function withProfile(user: TestUser): Promise<TestUser> {
  const reply = await call('GET', '/v1/me', { token: user.idToken });
  if (reply.status !== 200) throw new Error(`GET /v1/me: ${reply.status}`);
  return user;
}

export async function registerDevice(
  user: TestUser,
  platform: 'ios' | 'android',
  token = `${platform}-${randomUUID().replaceAll('-', '')}`,
): Promise<{ deviceId: string; token: string }> {
  const reply = await call('POST', '/v1/devices', {
    token: user.idToken,
    body: { platform, token },
  });
  if (reply.status !== 201) throw new Error(`POST /v1/devices: ${reply.status} ${reply.text}`);
  return { deviceId: String(reply.json.deviceId), token };
}

export async function messagesBetween(user: TestUser, peer: TestUser) {
  return call('GET', `/v1/conversations/${peer.sub}/messages`, { token: user.idToken });
}

/** Polls until the conversation holds `count` messages (or the time is up). */
export async function conversationOf(user: TestUser, peer: TestUser, count = 1) {
  return eventually(
    () => messagesBetween(user, peer),
    (reply) => reply.status === 200 && (reply.json.items?.length ?? 0) >= count,
    10_000,
  );
}

export async function eventuallyPushes(user: TestUser, count: number): Promise<Push[]> {
  return eventually(
    () => pushesTo(user),
    (pushes) => pushes.length >= count,
    10_000,
  );
}
