import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { BuildOptions } from 'esbuild';
import { buildUnlessCurrent } from '../../../../sandbox/runtime/build';
import { recordedBuildDigest } from '../../../../sandbox/runtime/build-record';

let sourceDir: string;
let outDir: string;

function options(extra: Partial<BuildOptions> = {}): BuildOptions {
  return {
    absWorkingDir: sourceDir,
    entryPoints: [join(sourceDir, 'entry.ts')],
    outdir: join(outDir, 'Probe'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    ...extra,
  };
}

const build = (extra?: Partial<BuildOptions>) =>
  buildUnlessCurrent('Probe', options(extra), outDir);

beforeEach(async () => {
  sourceDir = await mkdtemp(join(tmpdir(), 'build-record-src-'));
  outDir = await mkdtemp(join(tmpdir(), 'build-record-out-'));
  await writeFile(
    join(sourceDir, 'entry.ts'),
    "import { word } from './word';\nconsole.log(word);\n",
  );
  await writeFile(join(sourceDir, 'word.js'), "export const word = 'one';\n");
  await build();
});

afterEach(async () => {
  await rm(sourceDir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('builds kept from an earlier start', () => {
  it('keeps a build when nothing it was built from changed', async () => {
    const second = await build();

    expect(second.reused).toBe(true);
    expect(second.sources).toEqual(
      expect.arrayContaining([join(sourceDir, 'entry.ts'), join(sourceDir, 'word.js')]),
    );
  });

  it('builds again when a source it read changed', async () => {
    await writeFile(join(sourceDir, 'word.js'), "export const word = 'two';\n");

    const second = await build();

    expect(second.reused).toBe(false);
  });

  it('builds again when a new file could change what an import resolves to', async () => {
    await writeFile(join(sourceDir, 'word.ts'), "export const word = 'shadowing';\n");

    const second = await build();

    expect(second.reused).toBe(false);
  });

  it('builds again when an output was changed or removed', async () => {
    await writeFile(join(outDir, 'Probe', 'entry.js'), '// edited by hand\n');

    const second = await build();

    expect(second.reused).toBe(false);
  });

  it('builds again when the build options changed', async () => {
    const second = await build({ minify: true });

    expect(second.reused).toBe(false);
  });

  it('reads a source again when its stat matches but it changed just before the record', async () => {
    const word = join(sourceDir, 'word.js');
    const { atime, mtime } = await stat(word);
    // Same size, same modification time: only its content tells the change.
    await writeFile(word, "export const word = 'two';\n");
    await utimes(word, atime, mtime);

    const second = await build();

    expect(second.reused).toBe(false);
  });

  it('trusts the recorded digest of a file last modified well before its record', async () => {
    const word = join(sourceDir, 'word.js');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(word, anHourAgo, anHourAgo);
    await build({ minify: true });
    // Changed without a trace in its stat: not read, so the build is kept.
    await writeFile(word, "export const word = 'two';\n");
    await utimes(word, anHourAgo, anHourAgo);

    const second = await build({ minify: true });

    expect(second.reused).toBe(true);
  });
  it('trusts a file recorded just after it was written once a later check read it', async () => {
    const word = join(sourceDir, 'word.js');
    // Whole milliseconds, so that the stat can be put back exactly.
    const written = new Date(Date.now() - 500);
    await utimes(word, written, written);
    // Recorded too soon after word.js was written to trust its stat; a check
    // well after that reads it once, and says so in the record.
    await build();
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 10_000);
    const checked = await build();
    jest.restoreAllMocks();
    // Changed without a trace in its stat: not read again, so the build is kept.
    await writeFile(word, "export const word = 'two';\n");
    await utimes(word, written, written);

    const third = await build();

    expect(checked.reused).toBe(true);
    expect(third.reused).toBe(true);
  });
});

describe('the digest of a recorded build', () => {
  it('stays while the build is kept, and changes with a build of other sources', async () => {
    const first = recordedBuildDigest(outDir, 'Probe');
    await build();
    const kept = recordedBuildDigest(outDir, 'Probe');
    await writeFile(join(sourceDir, 'word.js'), "export const word = 'two';\n");
    await build();

    expect(first).toBeDefined();
    expect(kept).toBe(first);
    expect(recordedBuildDigest(outDir, 'Probe')).not.toBe(first);
  });

  it('is undefined for a build never recorded', () => {
    expect(recordedBuildDigest(outDir, 'Unknown')).toBeUndefined();
  });
});
