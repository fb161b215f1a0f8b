// A warm start as CloudFormation sees a stack update that changes nothing: a
// custom resource whose properties are the same gets no event and keeps its
// physical id and Data. Locally that holds only while what its function made
// is still there, so it is kept only when its function's policies allow it
// nothing but Secrets Manager and the actions of services whose state the
// sandbox keeps in the data directory (SNS platform applications), and while
// every secret they name holds the value it held when the Create replied,
// every such service's state is the one the Create changed (not made afresh
// since), and its function's template properties and every build are as they
// were. Anything else (another service, a managed policy or policy template,
// a secret changed or unknown locally, a state lost, changed code, no data
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
  /** What a resource's function may use, or undefined when it may use anything else. */
  reachOf(logicalId: string): PolicyReach | undefined;
  /** A secret's current value by ARN, name or logical id. */
  secretValue(idOrArn: string): string | undefined;
  /** The id of a service's kept state (see KeptState), or undefined when its state is not kept. */
  stateOf(service: string): string | undefined;
  /**
   * What the resource's function is: its template properties and its build.
   * A Create of other code may have made something else, so a change creates again.
   */
  codeOf(logicalId: string): string;
}

/** What a function's policies let it change, when all of it is kept between starts. */
export interface PolicyReach {
  /** The secrets it may use, by ARN. */
  secrets: readonly string[];
  /** The services whose kept state it may change, as IAM prefixes its actions (`sns`). */
  services: readonly string[];
}

/**
 * A service's state kept in the data directory across restarts, so that what a
 * custom resource made there is still there at the next start.
 */
export interface KeptState {
  /** Made anew with the state (a first start, a lost or unreadable file): an earlier state is gone. */
  id: string;
  /** The actions, as IAM names them (`sns:CreatePlatformApplication`), whose effects it keeps. */
  actions: readonly string[];
}

interface KeptResult {
  properties: string;
  secrets: string;
  /** The ids of the kept states its function may change, as the Create left them. */
  states: string;
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
  /** The services' state ids now; undefined when one keeps no state (what it made is gone at a restart). */
  const servicesState = (services: readonly string[]) => {
    const ids = services.map((service) => [service, options.stateOf(service)]);
    return ids.every(([, id]) => id !== undefined) ? digest(ids) : undefined;
  };
  return {
    find(logicalId, properties) {
      const reach = options.reachOf(logicalId);
      const result = kept[logicalId];
      if (!reach || !result) return undefined;
      const unchanged =
        result.properties === digest(properties) &&
        result.secrets === secretsState(reach.secrets) &&
        result.states === servicesState(reach.services) &&
        result.code === digest(options.codeOf(logicalId));
      return unchanged ? result.physical : undefined;
    },
    remember(logicalId, properties, physical) {
      const reach = options.reachOf(logicalId);
      const secretsNow = reach && secretsState(reach.secrets);
      const statesNow = reach && servicesState(reach.services);
      if (!secretsNow || !statesNow) return;
      kept[logicalId] = {
        properties: digest(properties),
        secrets: secretsNow,
        states: statesNow,
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
 * What resolved inline policies let a function change, when every statement
 * allows Secrets Manager actions on named secrets, or actions whose effects a
 * kept state keeps (on any resource: the state's id covers all of it);
 * undefined for anything else.
 */
export function keptPolicyReach(
  policies: unknown,
  keptStates: Readonly<Record<string, KeptState>>,
): PolicyReach | undefined {
  if (!Array.isArray(policies) || policies.length === 0) return undefined;
  const secrets = new Set<string>();
  const services = new Set<string>();
  for (const policy of policies) {
    const statements = (policy as { Statement?: unknown } | null)?.Statement;
    if (!Array.isArray(statements)) return undefined;
    for (const statement of statements as Record<string, unknown>[]) {
      const reach = statementReach(statement, keptStates);
      if (!reach) return undefined;
      reach.secrets.forEach((secret) => secrets.add(secret));
      reach.services.forEach((service) => services.add(service));
    }
  }
  return { secrets: [...secrets].sort(), services: [...services].sort() };
}

function statementReach(
  statement: Record<string, unknown>,
  keptStates: Readonly<Record<string, KeptState>>,
): PolicyReach | undefined {
  const actions = [statement.Action].flat();
  const resources = [statement.Resource].flat();
  const allows =
    statement.Effect === 'Allow' &&
    actions.length > 0 &&
    resources.length > 0 &&
    actions.every((action) => typeof action === 'string');
  if (!allows) return undefined;
  const services = [...new Set((actions as string[]).map(serviceOf))];
  if (services.length === 1 && services[0] === 'secretsmanager') {
    // A wildcard (`*`, or `?` as in SAM's `secret:Name-??????`) names no one secret.
    const named = resources.every(
      (resource) => typeof resource === 'string' && !/[*?]/.test(resource),
    );
    return named ? { secrets: resources as string[], services: [] } : undefined;
  }
  const kept = (actions as string[]).every((action) => keptByState(action, keptStates));
  return kept ? { secrets: [], services } : undefined;
}

/** IAM names actions `service:Action`, case-insensitively. */
const serviceOf = (action: string) => action.split(':')[0]?.toLowerCase() ?? '';

/** Whether the action's effects are kept: a wildcard action never is (it may name any action). */
function keptByState(action: string, keptStates: Readonly<Record<string, KeptState>>): boolean {
  const actions = keptStates[serviceOf(action)]?.actions ?? [];
  return actions.some((known) => known.toLowerCase() === action.toLowerCase());
}
