import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { saveStoresWhole } from '../../../sandbox/cognito/cognito-local-writes.mjs';

// cognito-local's StormDB file engine, as the sandbox's cognito-local runs it:
// saves of one user pool that overlap still leave one whole save in the file.
const cognitoLocal = createRequire(resolve('node_modules/cognito-local/package.json'));
interface Engine {
  write(data: unknown): Promise<void>;
}
type EngineClass = new (path: string, options: { async: boolean }) => Engine;
const { localFileEngine } = cognitoLocal('stormdb') as { localFileEngine: EngineClass };

let dir: string;

beforeAll(() => {
  saveStoresWhole(cognitoLocal);
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cognito-local-writes-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the last of many overlapping saves, whole, and no temporary file', async () => {
  const path = join(dir, 'local_pool.json');
  const engine = new localFileEngine(path, { async: true });
  // Saves of falling length: interleaved, a longer one's tail would stay behind a shorter one.
  const saves = Array.from({ length: 50 }, (_, i) => ({
    Users: { user: { Attributes: 'x'.repeat((50 - i) * 2000), save: i } },
  }));

  await Promise.all(saves.map((data) => engine.write(data)));

  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(saves.at(-1));
  expect(readdirSync(dir)).toEqual(['local_pool.json']);
});
