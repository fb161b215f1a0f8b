// A warm start as CloudFormation sees a stack update that changes nothing: a
// custom resource whose properties are the same gets no event and keeps its
// physical id and Data. Locally that holds only while what its function made
// is still there, so it is kept only when its function's policies allow it
// nothing but Secrets Manager, whose values the sandbox keeps in the data
// directory, and while every secret they name holds the value it held when
// the Create replied, and while its function's template properties and every
// build are as they were. Anything else (another service, a managed policy or
// policy template, a secret changed or unknown locally, changed code, no data
// directory) is created again, as at every start before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PhysicalResources } from '../template/model';
import { writeWholeSync } from '../write-whole';

type PhysicalResource = PhysicalResources[string];

export interface KeptResults {
  /** The earlier start's result, when nothing it made can have changed since; undefined: create it. */
  find(logicalId: string, properties: unknown): PhysicalResource | undefined;
  /** Keeps a Create's result for the next starts. */
  remember(logicalId: string, properties: unknown, physical: PhysicalResource): void;
}

export interface KeptResultsOptions {
  /** Where the results are kept: in the data directory, with the secrets they depend on. */
  file: string;
  /** The secrets a resource's function may use, or undefined when it may use anything else. */
  secretsOf(logicalId: string): readonly string[] | undefined;
  /** A secret's current value by ARN, name or logical id. */
  secretValue(idOrArn: string): string | undefined;
  /**
   * What the resource's function is: its template properties and its build.
   * A Create of other code may have made something else, so a change creates again.
   */
  codeOf(logicalId: string): string;
}

interface KeptResult {
  properties: string;
  secrets: string;
  code: string;
  physical: PhysicalResource;
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

function readKept(file: string): Record<string, KeptResult> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, KeptResult>;
  } catch {
    return {};
  }
}

export function keptResults(options: KeptResultsOptions): KeptResults {
  const kept = readKept(options.file);
  /** The secrets' values now; undefined when one is not a local secret (its changes go unseen). */
  const secretsState = (secrets: readonly string[]) => {
    const values = secrets.map((secret) => [secret, options.secretValue(secret)]);
    return values.every(([, value]) => value !== undefined) ? digest(values) : undefined;
  };
  return {
    find(logicalId, properties) {
      const secrets = options.secretsOf(logicalId);
      const result = kept[logicalId];
      if (!secrets || !result) return undefined;
      const unchanged =
        result.properties === digest(properties) &&
        result.secrets === secretsState(secrets) &&
        result.code === digest(options.codeOf(logicalId));
      return unchanged ? result.physical : undefined;
    },
    remember(logicalId, properties, physical) {
      const secrets = options.secretsOf(logicalId);
      const secretsNow = secrets && secretsState(secrets);
      if (!secretsNow) return;
      kept[logicalId] = {
        properties: digest(properties),
        secrets: secretsNow,
        code: digest(options.codeOf(logicalId)),
        physical,
      };
      keepBestEffort(options.file, JSON.stringify(kept));
    },
  };
}

/**
 * Written beside, then renamed; best effort: a result that could not be kept
 * is only created again at the next start, which must not fail this one.
 */
function keepBestEffort(file: string, text: string): void {
  try {
    // Data may hold values a template marks NoEcho: readable by the owner only.
    writeWholeSync(file, text, { mode: 0o600 });
  } catch {
    // Not kept: the next start creates it again.
  }
}

/**
 * The secrets resolved inline policies name, when every statement allows
 * Secrets Manager actions on named secrets only; undefined for anything else.
 */
export function secretsOnlyPolicies(policies: unknown): string[] | undefined {
  if (!Array.isArray(policies) || policies.length === 0) return undefined;
  const secrets = new Set<string>();
  for (const policy of policies) {
    const statements = (policy as { Statement?: unknown } | null)?.Statement;
    if (!Array.isArray(statements)) return undefined;
    for (const statement of statements as Record<string, unknown>[]) {
      const actions = [statement.Action].flat();
      const resources = [statement.Resource].flat();
      const secretsOnly =
        statement.Effect === 'Allow' &&
        actions.length > 0 &&
        actions.every(
          (action) => typeof action === 'string' && action.startsWith('secretsmanager:'),
        ) &&
        resources.length > 0 &&
        // A wildcard (`*`, or `?` as in SAM's `secret:Name-??????`) names no one secret.
        resources.every((resource) => typeof resource === 'string' && !/[*?]/.test(resource));
      if (!secretsOnly) return undefined;
      for (const resource of resources as string[]) secrets.add(resource);
    }
  }
  return [...secrets].sort();
}
