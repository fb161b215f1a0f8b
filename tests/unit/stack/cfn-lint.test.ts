import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// `npm run validate` (cfn-lint, SAM transform included) gates CI: it must fail
// on warnings as on errors. Run with the script's own arguments on a broken
// fixture, so a flag that silenced warnings would show here.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const brokenTemplate = join(root, 'tests/fixtures/templates/cfn-lint-broken.yaml');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

// cfn-lint's exit status is a bit mask of the levels it found.
const ERRORS = 2;
const WARNINGS = 4;

function validate(templatePath: string) {
  const [command = '', ...args] = (packageJson.scripts.validate ?? '').split(/\s+/);
  if (!args.includes('template.yaml')) {
    throw new Error(
      `npm run validate does not lint template.yaml: ${packageJson.scripts.validate}`,
    );
  }
  const result = spawnSync(
    command,
    args.map((arg) => (arg === 'template.yaml' ? templatePath : arg)),
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  if (result.error) {
    throw new Error(`${command} could not run (pip install cfn-lint): ${result.error.message}`);
  }
  return result;
}

describe('npm run validate on a broken template', () => {
  let result: ReturnType<typeof validate>;
  beforeAll(() => {
    result = validate(brokenTemplate);
  });

  it('fails on the error and names its rule', () => {
    expect(result.stdout).toContain('E3005');
    expect((result.status ?? 0) & ERRORS).toBe(ERRORS);
  });

  it('fails on the warning too and names its rule', () => {
    expect(result.stdout).toContain('W3005');
    expect((result.status ?? 0) & WARNINGS).toBe(WARNINGS);
  });
});
