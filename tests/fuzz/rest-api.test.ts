// Generated requests against every REST route of a running sandbox. Every
// reply is a 2xx or a 4xx problem document, never a 5xx or a leak, and what
// another user stored before the run is intact after it.
//
// Bounded: FUZZ_REQUESTS requests (default 10,000) in groups sent together,
// and at most FUZZ_SECONDS. Reproducible: FUZZ_SEED replays a run; a failure
// prints its seed and the failing request.
import fc from 'fast-check';
import { forgeIdToken } from '../api/support/forged-tokens';
import { call, type ApiReply } from '../api/support/http';
import { sandboxOutputs } from '../api/support/outputs';
import { registerDevice, withProfile } from '../api/support/messaging';
import { newUser, type TestUser } from '../api/support/users';
import { parseTemplate } from '../../sandbox/template/parse';
import { requestArbitrary, ROUTES, type FuzzWorld } from './support/arbitraries';
import { sendRaw } from './support/raw-http';
import { contractBreach, describeRequest } from './support/reply-checks';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 600);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const GROUP = 4;

let fuzzer: TestUser;
let victim: TestUser;
let world: FuzzWorld;
let victimBefore: unknown;

async function ok(reply: Promise<ApiReply>): Promise<ApiReply> {
  const done = await reply;
  if (done.status >= 300) throw new Error(`setup: ${done.status} ${done.text}`);
  return done;
}

async function victimState(): Promise<unknown> {
  const token = victim.idToken;
  const [me, items, devices, media] = await Promise.all([
    call('GET', '/v1/me', { token }),
    call('GET', '/v1/items?limit=100', { token }),
    call('GET', '/v1/devices', { token }),
    call('GET', `/v1/media/${world.ids[2]}`, { token }),
  ]);
  return [me.json, items.json, devices.json, { ...media.json, url: undefined }];
}

function tampered(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: victim.sub })).toString('base64url');
  return [header, forged, signature].join('.');
}

beforeAll(async () => {
  [fuzzer, victim] = await Promise.all([newUser(), newUser()]);
  await Promise.all([withProfile(fuzzer), withProfile(victim)]);
  const create = (user: TestUser, visibility: string) =>
    ok(call('POST', '/v1/items', { token: user.idToken, body: { title: 'Kept', visibility } }));
  const victimItems = [await create(victim, 'private'), await create(victim, 'public')];
  await create(fuzzer, 'public');
  await create(fuzzer, 'private');
  const media = await ok(
    call('POST', '/v1/media', {
      token: victim.idToken,
      body: { contentType: 'image/png', size: 10 },
    }),
  );
  const device = await registerDevice(victim, 'android');
  const cursorOf = async (user: TestUser) =>
    String((await ok(call('GET', '/v1/items?limit=1', { token: user.idToken }))).json.nextCursor);
  world = {
    ids: [
      String(victimItems[0]?.json.id),
      String(victimItems[1]?.json.id),
      String(media.json.mediaId),
      device.deviceId,
      victim.sub,
      fuzzer.sub,
    ],
    cursors: [await cursorOf(fuzzer), await cursorOf(victim)],
    tokens: [
      fuzzer.idToken,
      fuzzer.idToken,
      fuzzer.accessToken,
      tampered(fuzzer.idToken),
      await forgeIdToken({ sub: victim.sub, expiresIn: -60 }),
      await forgeIdToken({ sub: victim.sub, audience: 'another-client' }),
      await forgeIdToken({ sub: victim.sub, foreignKey: true }),
      await forgeIdToken({ sub: victim.sub, issuer: 'https://issuer.example/pool' }),
      'not-a-jwt',
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
      '',
    ],
  };
  victimBefore = await victimState();
}, 60_000);

it("covers every path of the template's REST API", () => {
  const templatePaths = parseTemplate('template.yaml').functions.flatMap((fn) =>
    // The generator names every path parameter {id}.
    fn.apiEvents.map((event) => event.path.replace(/\{\w+\}/g, '{id}')),
  );

  expect([...new Set(ROUTES.map(([, path]) => path))].sort()).toEqual(
    [...new Set(templatePaths)].sort(),
  );
});

it(`answers ${REQUESTS} generated requests with 2xx or 4xx problem documents only`, async () => {
  const apiUrl = sandboxOutputs().ApiUrl;
  const breaches: string[] = [];
  let sent = 0;

  const result = await fc.check(
    fc.asyncProperty(
      fc.array(requestArbitrary(world), { minLength: GROUP, maxLength: GROUP }),
      async (group) => {
        const replies = await Promise.all(group.map((request) => sendRaw(apiUrl, request)));
        sent += group.length;
        const found = group.flatMap((request, index) => {
          const breach = contractBreach(request, replies[index] as (typeof replies)[number]);
          return breach ? [`${breach} ← ${describeRequest(request)}`] : [];
        });
        if (found.length > 0 && breaches.length < 20) breaches.push(...found);
        return found.length === 0;
      },
    ),
    {
      seed: SEED,
      numRuns: Math.ceil(REQUESTS / GROUP),
      interruptAfterTimeLimit: SECONDS * 1000,
      endOnFailure: true,
    },
  );

  if (result.failed) {
    throw new Error(
      `Contract broken after ${result.numRuns} groups (replay with FUZZ_SEED=${SEED}):\n${breaches.join('\n')}`,
    );
  }
  expect(result.interrupted).toBe(false);
  expect(sent).toBeGreaterThanOrEqual(REQUESTS);
}, 900_000);

it('leaves what another user stored before the run as it was', async () => {
  await expect(victimState()).resolves.toEqual(victimBefore);
});
