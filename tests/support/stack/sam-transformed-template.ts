import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** A plain CloudFormation template: what CloudFormation deploys after the SAM transform. */
export interface TransformedTemplate {
  Parameters?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const transformScript = join(root, 'tests/support/stack/sam-transform.py');
const transformed = new Map<string, TransformedTemplate>();

/**
 * The template after the SAM transform, as cfn-lint's bundled SAM translator
 * emits it (no network). Checks of permissions and security rules look at
 * this, because SAM adds roles, policies and managed policies of its own.
 */
export function samTransformed(templatePath = join(root, 'template.yaml')): TransformedTemplate {
  const cached = transformed.get(templatePath);
  if (cached) return cached;
  const result = spawnSync('python3', [transformScript, templatePath], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (result.error) {
    throw new Error(`python3 could not run (pip install cfn-lint): ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`The SAM transform of ${templatePath} failed:\n${result.stderr}`);
  }
  const template = JSON.parse(result.stdout) as TransformedTemplate;
  transformed.set(templatePath, template);
  return template;
}
