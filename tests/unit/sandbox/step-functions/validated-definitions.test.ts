import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validatedDefinitions } from '../../../../sandbox/step-functions/validated-definitions';

let dir = '';
let recordFile = '';
let lockfile = '';
const definition = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'validated-definitions-'));
  recordFile = join(dir, 'records', 'definitions.json');
  lockfile = join(dir, 'package-lock.json');
  writeFileSync(lockfile, '{"lockfileVersion":3}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('definitions validated by an earlier start', () => {
  it('knows a definition a previous start validated', () => {
    expect(validatedDefinitions(recordFile, lockfile).has(definition)).toBe(false);
    validatedDefinitions(recordFile, lockfile).add(definition);

    expect(validatedDefinitions(recordFile, lockfile).has(definition)).toBe(true);
  });

  it('validates a changed definition again', () => {
    validatedDefinitions(recordFile, lockfile).add(definition);
    const changed = { ...definition, StartAt: 'Missing' };

    expect(validatedDefinitions(recordFile, lockfile).has(changed)).toBe(false);
  });

  it('validates every definition again when the dependencies changed', () => {
    validatedDefinitions(recordFile, lockfile).add(definition);
    writeFileSync(lockfile, '{"lockfileVersion":3,"packages":{}}');

    expect(validatedDefinitions(recordFile, lockfile).has(definition)).toBe(false);
  });

  it('remembers nothing without a lockfile', () => {
    const missing = join(dir, 'no-lockfile.json');
    validatedDefinitions(recordFile, missing).add(definition);

    expect(validatedDefinitions(recordFile, missing).has(definition)).toBe(false);
  });
});
