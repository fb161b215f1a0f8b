import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWhole, writeWholeSync } from '../../../sandbox/write-whole';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-whole-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['writeWhole', (file: string, text: string, mode?: number) => writeWhole(file, text, { mode })],
  [
    'writeWholeSync',
    async (file: string, text: string, mode?: number) => writeWholeSync(file, text, { mode }),
  ],
])('%s', (_name, write) => {
  it('replaces the file, creating its folder, and leaves nothing beside it', async () => {
    const file = join(dir, 'nested', 'out.json');
    await write(file, 'first');
    await write(file, 'second');

    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'nested'))).toEqual(['out.json']);
  });

  it('creates the file with the mode given', async () => {
    const file = join(dir, 'secret.json');
    await write(file, 'only mine', 0o600);

    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('throws when the file cannot be replaced, leaving no partial file', async () => {
    // A directory where the file should be: the rename fails.
    const file = join(dir, 'taken');
    await writeFile(join(dir, 'keep'), '');
    await mkdir(join(file, 'inside'), { recursive: true });

    await expect(write(file, 'text')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep', 'taken']);
  });
});
