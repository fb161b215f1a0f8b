// The least-privilege rules over every grant of a transformed template: a
// wildcard action or resource, an AWS managed policy and a restricted action
// each need an entry in iam-exceptions.ts, and every entry there must still
// match something.
import type { TransformedTemplate } from '../../support/stack/sam-transformed-template';
import type { Grant } from './iam-grants';
import { grantsOf, managedPoliciesOf } from './iam-grants';
import type { ManagedPolicyException, RestrictedAction, WildcardException } from './iam-exceptions';

export interface Exceptions {
  wildcardActions: readonly WildcardException[];
  wildcardResources: readonly WildcardException[];
  managedPolicies: readonly ManagedPolicyException[];
  restrictedActions: readonly RestrictedAction[];
}

/** One holder granted one thing: `MessageWorkerRole: *`. */
type Finding = `${string}: ${string}`;

const finding = (holder: string, what: string): Finding => `${holder}: ${what}`;

const unique = (findings: Finding[]) => [...new Set(findings)].sort();

/** What an IAM action pattern (`sqs:SendMessage*`, `dynamodb:*`) matches. */
function actionMatches(pattern: string, action: string): boolean {
  const expression = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${expression}$`, 'i').test(action);
}

function wildcards(grants: Grant[], of: (grant: Grant) => string[]): Finding[] {
  return unique(
    grants.flatMap((grant) =>
      of(grant)
        .filter((value) => value.includes('*'))
        .map((value) => finding(grant.holder, value)),
    ),
  );
}

function listed<T extends { holders: readonly string[] }>(
  entries: readonly T[],
  what: (entry: T) => string,
): Finding[] {
  return unique(entries.flatMap((entry) => entry.holders.map((h) => finding(h, what(entry)))));
}

export interface LeastPrivilegeReport {
  /** Wide grants, managed policies and restricted actions that iam-exceptions.ts does not list. */
  unlisted: Finding[];
  /** Entries of iam-exceptions.ts that match nothing in the template. */
  stale: Finding[];
}

/** Compares a template's grants with the exceptions; both lists empty means it passes. */
export function leastPrivilegeReport(
  template: TransformedTemplate,
  exceptions: Exceptions,
): LeastPrivilegeReport {
  const grants = grantsOf(template);
  const pairs: [Finding[], Finding[]][] = [
    [
      wildcards(grants, (grant) => grant.actions),
      listed(exceptions.wildcardActions, (e) => e.wildcard),
    ],
    [
      wildcards(grants, (grant) => grant.resources),
      listed(exceptions.wildcardResources, (e) => e.wildcard),
    ],
    [
      unique(managedPoliciesOf(template).map((use) => finding(use.holder, use.policyArn))),
      listed(exceptions.managedPolicies, (e) => e.policyArn),
    ],
    [
      restrictedGrants(grants, exceptions.restrictedActions),
      listed(exceptions.restrictedActions, (e) => e.action),
    ],
  ];
  return {
    unlisted: pairs.flatMap(([found, listed]) => found.filter((f) => !listed.includes(f))),
    stale: pairs.flatMap(([found, listed]) => listed.filter((l) => !found.includes(l))),
  };
}

function restrictedGrants(grants: Grant[], restricted: readonly RestrictedAction[]): Finding[] {
  return unique(
    restricted.flatMap(({ action }) =>
      grants
        .filter((grant) => grant.actions.some((pattern) => actionMatches(pattern, action)))
        .map((grant) => finding(grant.holder, action)),
    ),
  );
}
