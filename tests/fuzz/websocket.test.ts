// Generated frames and connection attempts against the WebSocket API. The
// gateway and its functions keep answering: a connection either stays usable
// (a ping still gets its pong) or is closed with a WebSocket close code, and
// an upgrade is accepted (101) or refused with a 4xx, never a 5xx.
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { forgeIdToken } from '../api/support/forged-tokens';
import { connect, upgradeStatus, webSocketUrl, type LiveClient } from '../api/support/websocket';
import { newUser, type TestUser } from '../api/support/users';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 1_000);
const MAX_FRAME_BYTES = 128 * 1024;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

let user: TestUser;
let peer: TestUser;

beforeAll(async () => {
  [user, peer] = await Promise.all([newUser(), newUser()]);
});

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', '\ud800', '\uffff', '🦄', 'x'.repeat(2000)),
);

function frameArbitrary(): fc.Arbitrary<string | Buffer> {
  const action = fc.oneof(
    fc.constantFrom('ping', 'typing', '$default', '$connect', '$disconnect', 'sendmessage'),
    text,
  );
  const to = fc.oneof(fc.constant(peer.sub), fc.constant(user.sub), text, fc.jsonValue());
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ action, to }, { requiredKeys: [] }).map((f) => JSON.stringify(f)),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: fc.constantFrom(100_000, 140_000).map((size) => 'x'.repeat(size)) },
  );
}

/** Sends a ping and waits for its pong: the connection still works end to end. */
async function answersPing(client: LiveClient): Promise<boolean> {
  client.frames.length = 0;
  client.send({ action: 'ping' });
  return (
    client
      // Frames are handled in order, each by a function invocation: under a loaded
      // machine the ping waits behind them.
      .nextFrame((frame) => frame.type === 'pong', 15_000)
      .then(() => true)
      .catch(() => false)
  );
}

it(`keeps answering after ${FRAMES} generated frames`, async () => {
  let client = await connect(user.idToken);
  const problems: string[] = [];

  const result = await fc.check(
    fc.asyncProperty(
      fc.array(frameArbitrary(), { minLength: 1, maxLength: 10 }),
      async (frames) => {
        for (const frame of frames) client.socket.send(frame);
        if (frames.some((frame) => frame.length > MAX_FRAME_BYTES)) {
          // The gateway closes a connection that sent a frame over 128 KB, naming why (1009).
          const closedBy = await Promise.race([client.closed, sleep(5000, undefined)]);
          if (closedBy?.code !== 1009)
            problems.push(`oversized frame: ${JSON.stringify(closedBy)}`);
          client = await connect(user.idToken);
          return closedBy?.code === 1009;
        }
        const alive = await answersPing(client);
        if (!alive)
          problems.push(`no pong after ${JSON.stringify(frames.map(String)).slice(0, 300)}`);
        return alive;
      },
    ),
    { seed: SEED, numRuns: Math.ceil(FRAMES / 5), endOnFailure: true },
  );
  await client.close();

  if (result.failed) {
    throw new Error(`WebSocket broke (replay with FUZZ_SEED=${SEED}):\n${problems.join('\n')}`);
  }
  await expect(connect(user.idToken).then(answersPing)).resolves.toBe(true);
}, 300_000);

it('refuses every bad token at the upgrade with a 4xx, never a 5xx', async () => {
  const tokens = [
    '',
    'x',
    '%',
    '\u0000',
    'a'.repeat(8000),
    await forgeIdToken({ sub: user.sub, expiresIn: -5 }),
    await forgeIdToken({ sub: user.sub, foreignKey: true }),
    await forgeIdToken({ sub: user.sub, audience: 'other' }),
  ];

  const statuses = await Promise.all(tokens.map((token) => upgradeStatus(webSocketUrl(token))));

  expect(statuses.filter((status) => status < 400 || status >= 500)).toEqual([]);
}, 30_000);
