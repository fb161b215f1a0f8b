// A file written beside itself, then renamed over the old one: a reader (another
// start sharing the file, a process loading it) finds the old file or the new
// one, never half of one. The partial name carries the process id, so two
// writers do not write into one partial file.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface WriteWholeOptions {
  /** The file's permissions when it is created (e.g. 0o600 for what only the owner may read). */
  mode?: number;
}

const partialOf = (file: string) => `${file}.${process.pid}.tmp`;

export async function writeWhole(
  file: string,
  data: string | Uint8Array,
  options: WriteWholeOptions = {},
): Promise<void> {
  const partial = partialOf(file);
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(partial, data, options);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export function writeWholeSync(
  file: string,
  data: string | Uint8Array,
  options: WriteWholeOptions = {},
): void {
  const partial = partialOf(file);
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(partial, data, options);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
