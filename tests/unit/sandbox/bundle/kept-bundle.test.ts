import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentSandboxBundle } from '../../../../sandbox/bundle/current-bundle';
import { keptSandboxBundle } from '../../../../sandbox/bundle/kept-bundle';

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
});
