// Worker threads start on plain Node, without the TypeScript loader of the
// parent (tsx, ts-jest), so the worker entry is bundled to JavaScript once per
// process. The file name carries a content hash: parallel sandboxes and test
// runs share identical files instead of racing on one.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWhole } from '../write-whole';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

let entry: Promise<string> | undefined;

async function bundleWorkerEntry(): Promise<string> {
  const source = fileURLToPath(new URL('./lambda-worker.ts', import.meta.url));
  const result = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('Bundling the Lambda worker entry produced no output');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const directory = join(tmpdir(), 'mobile-backend-sandbox');
  const file = join(directory, `lambda-worker-${hash}.mjs`);
  await writeWhole(file, code);
  return file;
}

/** Path of the runnable worker entry, bundled on first use. */
export function workerEntryFile(): Promise<string> {
  entry ??= bundleWorkerEntry().catch((error: unknown) => {
    entry = undefined;
    throw error;
  });
  return entry;
}
