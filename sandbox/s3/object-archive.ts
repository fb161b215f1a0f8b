// fauxqs keeps objects in memory only; this archive keeps a copy of each on
// disk (unless --in-memory) and puts them back when the sandbox starts again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ArchivedObject {
  bucket: string;
  key: string;
  body: Buffer;
  contentType: string;
  metadata: Record<string, string>;
}

export interface ObjectArchive {
  save(object: ArchivedObject): void;
  remove(bucket: string, key: string): void;
  /** Every archived object of a bucket. */
  objectsOf(bucket: string): ArchivedObject[];
}

// Keys may be up to 1,024 bytes and hold any character: files are named by their hash.
const fileOf = (key: string): string => createHash('sha256').update(key).digest('hex');

export function createObjectArchive(dir: string): ObjectArchive {
  const bucketDir = (bucket: string): string => join(dir, encodeURIComponent(bucket));
  return {
    save(object) {
      const folder = bucketDir(object.bucket);
      mkdirSync(folder, { recursive: true });
      const name = fileOf(object.key);
      writeFileSync(join(folder, `${name}.bin`), object.body);
      const { key, contentType, metadata } = object;
      writeFileSync(join(folder, `${name}.json`), JSON.stringify({ key, contentType, metadata }));
    },
    remove(bucket, key) {
      const name = fileOf(key);
      rmSync(join(bucketDir(bucket), `${name}.json`), { force: true });
      rmSync(join(bucketDir(bucket), `${name}.bin`), { force: true });
    },
    objectsOf(bucket) {
      const folder = bucketDir(bucket);
      let files: string[];
      try {
        files = readdirSync(folder).filter((file) => file.endsWith('.json'));
      } catch {
        return [];
      }
      return files.map((file) => {
        const meta = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Omit<
          ArchivedObject,
          'bucket' | 'body'
        >;
        const body = readFileSync(join(folder, file.replace(/\.json$/, '.bin')));
        return { bucket, body, ...meta };
      });
    },
  };
}

/** For --in-memory: nothing kept. */
export const noArchive: ObjectArchive = {
  save: () => undefined,
  remove: () => undefined,
  objectsOf: () => [],
};
