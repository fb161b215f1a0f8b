// cdk-nag's AwsSolutions and Serverless rule packs on a transformed
// template: CfnInclude turns the JSON into CDK constructs and each pack
// checks them in-process, with no synth to disk and no network.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { TransformedTemplate } from '../../support/stack/sam-transformed-template';
import type { RuleSuppression } from './security-rule-suppressions';

/** One rule broken by one resource: `AwsSolutions-SQS4: MessageQueue`. */
export type RuleFinding = `${string}: ${string}`;

/** Every finding of both packs, by rule (a finding's `[detail]` dropped) and logical id. */
export function securityFindings(template: TransformedTemplate): RuleFinding[] {
  const folder = mkdtempSync(join(tmpdir(), 'security-rules-'));
  try {
    const templateFile = join(folder, 'template.json');
    writeFileSync(templateFile, JSON.stringify(template));
    const stack = new Stack(new App(), 'Checked');
    new CfnInclude(stack, 'Template', { templateFile });
    const findings = [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
      pack
        .validateScope(stack)
        .violations.flatMap((violation) =>
          violation.violatingResources.map(
            (resource): RuleFinding =>
              `${violation.ruleName.replace(/\[.*$/, '')}: ${logicalIdOf(resource)}`,
          ),
        ),
    );
    return [...new Set(findings)].sort();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function logicalIdOf(resource: { resourceLogicalId?: string; constructPath?: string }): string {
  return resource.resourceLogicalId ?? resource.constructPath?.split('/').pop() ?? '?';
}

export interface SecurityRulesReport {
  /** Findings that no suppression covers: fix them, or suppress them with a reason. */
  unsuppressed: RuleFinding[];
  /** Suppressions that cover no finding any more: remove them. */
  stale: string[];
}

export function securityRulesReport(
  findings: RuleFinding[],
  suppressions: readonly RuleSuppression[],
): SecurityRulesReport {
  const covers = (suppression: RuleSuppression, found: RuleFinding) => {
    const [rule, resource = ''] = found.split(': ');
    return (
      rule === suppression.rule &&
      (suppression.resources === 'all' || suppression.resources.includes(resource))
    );
  };
  const stale = suppressions.flatMap((suppression) =>
    suppression.resources === 'all'
      ? findings.some((found) => covers(suppression, found))
        ? []
        : [`${suppression.rule}: all`]
      : suppression.resources
          .filter((resource) => !findings.includes(`${suppression.rule}: ${resource}`))
          .map((resource) => `${suppression.rule}: ${resource}`),
  );
  return {
    unsuppressed: findings.filter((found) => !suppressions.some((s) => covers(s, found))),
    stale,
  };
}
