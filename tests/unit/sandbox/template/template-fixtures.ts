// Templates written from YAML text into a temporary folder and parsed as the
// sandbox parses template.yaml; the folder goes with the test file's run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxModel } from '../../../../sandbox/template/model';
import { parseTemplate } from '../../../../sandbox/template/parse';

export type ParseFixture = (yaml: string, overrides?: Record<string, string>) => SandboxModel;

/** Call at a test file's top level: registers the folder's creation and removal. */
export function templateFixtures(prefix: string): ParseFixture {
  let fixtureDir = '';
  beforeAll(() => {
    fixtureDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  });
  afterAll(() => {
    rmSync(fixtureDir, { recursive: true, force: true });
  });
  return (yaml, overrides) => {
    const path = join(fixtureDir, `template-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(path, yaml);
    return parseTemplate(path, overrides);
  };
}
