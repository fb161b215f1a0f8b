// cognito-local keeps each user pool in a JSON file through StormDB, whose
// asynchronous save is a plain fs.writeFile: two saves of one pool at once
// interleave in the file, and a stop during a save leaves it cut short. Either
// way the next start cannot read the pool ("invalid or corrupted format").
// Here a pool's saves run one after another, each to a file of its own that
// then takes the pool file's name, so the file is always a whole save.
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** Saves of one file, chained: the next starts when the one before has ended. */
const saving = new Map();

async function writeWhole(path, text) {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Makes StormDB's file engine save whole files, one save at a time, before
 * cognito-local makes its stores. `cognitoLocal` requires from cognito-local's package.
 */
export function saveStoresWhole(cognitoLocal) {
  const { localFileEngine } = cognitoLocal('stormdb');
  localFileEngine.prototype.write = function write(data) {
    const text = this.serialize(data);
    const saved = (saving.get(this.path) ?? Promise.resolve()).then(() =>
      writeWhole(this.path, text),
    );
    saving.set(
      this.path,
      saved.catch(() => undefined),
    );
    return saved;
  };
}
