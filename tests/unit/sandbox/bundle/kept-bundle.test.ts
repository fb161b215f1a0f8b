import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentSandboxBundle } from '../../../../sandbox/bundle/current-bundle';
import { keptSandboxBundle, STALE_CHUNK_MS } from '../../../../sandbox/bundle/kept-bundle';

// A small project in place of the sandbox: an entry, and a module in a folder
// of its own that finds a file beside itself, as the sandbox's modules do.
let project: string;

beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'kept-bundle-'));
  await mkdir(join(project, 'docs'));
  await writeFile(
    join(project, 'docs', 'page.ts'),
    "export const pageUrl = new URL('./page.html', import.meta.url).href;\n",
  );
  await writeFile(
    join(project, 'main.ts'),
    "import { pageUrl } from './docs/page';\nconsole.log(pageUrl);\n",
  );
});

afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

const run = (bundle: string) =>
  execFileSync(process.execPath, [bundle], { encoding: 'utf8' }).trim();

describe('the kept sandbox bundle', () => {
  it('keeps each module’s own import.meta.url, not the bundle’s', async () => {
    const bundle = await keptSandboxBundle(project, { main: 'main.ts' });

    expect(run(bundle)).toBe(pathToFileURL(join(project, 'docs', 'page.html')).href);
  });

  it('is kept while nothing it was built from changed', async () => {
    const bundle = await keptSandboxBundle(project, { main: 'main.ts' });
    const builtAt = (await stat(bundle)).mtimeMs;

    await keptSandboxBundle(project, { main: 'main.ts' });

    expect((await stat(bundle)).mtimeMs).toBe(builtAt);
  });

  it('is built again when a module changes', async () => {
    const bundle = await keptSandboxBundle(project, { main: 'main.ts' });
    await writeFile(join(project, 'main.ts'), "console.log('changed');\n");

    await keptSandboxBundle(project, { main: 'main.ts' });

    expect(await readFile(bundle, 'utf8')).toContain('changed');
  });

  it('is found current by its own check until a module changes', async () => {
    const bundle = await keptSandboxBundle(project, { main: 'main.ts' });

    expect(await currentSandboxBundle(project, { main: 'main.ts' })).toBe(bundle);
    await writeFile(join(project, 'main.ts'), "console.log('changed');\n");
    expect(await currentSandboxBundle(project, { main: 'main.ts' })).toBeUndefined();
  });

  it('leaves no partly written file beside the bundle', async () => {
    const bundle = await keptSandboxBundle(project, { main: 'main.ts' });

    const beside = await readdir(dirname(bundle));

    expect(beside.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  describe('with a module loaded on demand', () => {
    beforeEach(async () => {
      await writeFile(join(project, 'late.ts'), "export const late = 'loaded late';\n");
      await writeFile(
        join(project, 'main.ts'),
        "console.log('first');\nconst { late } = await import('./late');\nconsole.log(late);\n",
      );
    });

    const chunksOf = async (bundle: string) => readdir(join(dirname(bundle), 'chunks'));

    it('puts it in a chunk of its own, loaded when imported', async () => {
      const bundle = await keptSandboxBundle(project, { main: 'main.ts' });

      expect(await readFile(bundle, 'utf8')).not.toContain('loaded late');
      expect((await chunksOf(bundle)).some((name) => name.startsWith('late-'))).toBe(true);
      expect(run(bundle)).toBe('first\nloaded late');
    });

    it('removes an earlier build’s chunks only once no start can still load them', async () => {
      const bundle = await keptSandboxBundle(project, { main: 'main.ts' });
      const [first] = (await chunksOf(bundle)).filter((name) => name.startsWith('late-'));
      await writeFile(join(project, 'late.ts'), "export const late = 'changed';\n");
      await keptSandboxBundle(project, { main: 'main.ts' });
      expect(await chunksOf(bundle)).toContain(first);

      const longAgo = (Date.now() - STALE_CHUNK_MS - 60_000) / 1000;
      await utimes(join(dirname(bundle), 'chunks', first as string), longAgo, longAgo);
      await writeFile(join(project, 'late.ts'), "export const late = 'changed again';\n");
      await keptSandboxBundle(project, { main: 'main.ts' });

      expect(await chunksOf(bundle)).not.toContain(first);
      expect(run(bundle)).toBe('first\nchanged again');
    });
  });
});
