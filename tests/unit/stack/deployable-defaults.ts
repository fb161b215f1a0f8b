// What makes a parameter's default undeployable: a placeholder value, or an
// external thing (ARN, endpoint, domain, secret) that is not empty by default,
// or that the stack uses even when it is empty. A default must deploy a stack
// whose every enabled feature can work; a feature that needs an external
// thing stays off (behind a condition) until its parameter is set.
import { readFileSync } from 'node:fs';
import { parseCloudFormationYaml } from '../../../sandbox/template/cloudformation-yaml';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import { evaluateCondition } from '../../../sandbox/template/resolve';
import type { ResolveContext } from '../../../sandbox/template/resolve';
import { isRecord, recordOrEmpty } from '../../../sandbox/template/template-document';

/** Values that only look like configuration. */
export const PLACEHOLDER_PATTERNS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'an ARN', pattern: /^arn:/i },
  { what: 'a sample account id', pattern: /\b(000000000000|123456789012)\b/ },
  { what: 'an example', pattern: /example/i },
  { what: '"not configured"', pattern: /not[-_ ]?configured/i },
  { what: 'a placeholder', pattern: /placeholder/i },
  { what: '"change me"', pattern: /change[-_ ]?me/i },
  { what: 'a TODO', pattern: /\btodo\b/i },
];

/** Parameter names that name something outside the stack. */
export const EXTERNAL_THING = /(Arn|Endpoint|DomainName|Secret|SecretName|Url)$/;

export interface DefaultsReport {
  parameters: string[];
  /** Each parameter's problems; an empty list means its default deploys. */
  problemsOf(parameter: string): string[];
}

export function readDefaultsReport(templatePath: string): DefaultsReport {
  const document = recordOrEmpty(parseCloudFormationYaml(readFileSync(templatePath, 'utf8')));
  const declarations = recordOrEmpty(document.Parameters);
  const defaults = Object.fromEntries(
    Object.entries(declarations).map(([name, declaration]) => [
      name,
      String(recordOrEmpty(declaration).Default ?? ''),
    ]),
  );
  const ctx: ResolveContext = {
    parameters: defaults,
    resources: {},
    pseudo: LOCAL_PSEUDO_PARAMETERS,
    conditions: recordOrEmpty(document.Conditions),
  };
  const usedByDefault = parametersUsedByDefault(document, ctx);
  return {
    parameters: Object.keys(declarations),
    problemsOf: (name) =>
      problemsOf(name, recordOrEmpty(declarations[name]), usedByDefault.get(name) ?? []),
  };
}

function problemsOf(
  name: string,
  declaration: Record<string, unknown>,
  usedBy: string[],
): string[] {
  const value = declaration.Default === undefined ? undefined : String(declaration.Default);
  const problems = PLACEHOLDER_PATTERNS.filter(({ pattern }) => value && pattern.test(value)).map(
    ({ what }) => `default ${JSON.stringify(value)} is ${what}, not a value that can work`,
  );
  if (!EXTERNAL_THING.test(name)) return problems;
  if (value !== '') {
    problems.push(`names an external thing, so its default must be '' (feature off)`);
  } else if (usedBy.length > 0) {
    problems.push(
      `is empty by default but used by ${usedBy.join(', ')}: put them behind a condition that is false when it is empty`,
    );
  }
  return problems;
}

/**
 * Where each parameter is referenced in the stack its defaults deploy: resources
 * whose condition holds, Globals and Outputs, following only the branch of each
 * `Fn::If` that the defaults choose.
 */
function parametersUsedByDefault(
  document: Record<string, unknown>,
  ctx: ResolveContext,
): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const holds = (node: Record<string, unknown>) =>
    typeof node.Condition !== 'string' || evaluateCondition(node.Condition, ctx);
  const sections: [string, unknown][] = [
    ['Globals', document.Globals],
    ...Object.entries(recordOrEmpty(document.Resources)),
    ...Object.entries(recordOrEmpty(document.Outputs)).map(([name, output]): [string, unknown] => [
      `output ${name}`,
      output,
    ]),
  ];
  for (const [where, node] of sections) {
    if (!holds(recordOrEmpty(node))) continue;
    for (const name of referencedNames(node, ctx)) {
      used.set(name, [...(used.get(name) ?? []), where]);
    }
  }
  return used;
}

function referencedNames(node: unknown, ctx: ResolveContext): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isRecord(value)) return;
    const branches = value['Fn::If'];
    if (Array.isArray(branches) && typeof branches[0] === 'string') {
      return visit(evaluateCondition(branches[0], ctx) ? branches[1] : branches[2]);
    }
    if (typeof value.Ref === 'string') names.add(value.Ref);
    const sub = value['Fn::Sub'];
    const [text, variables] = Array.isArray(sub) ? sub : [sub, {}];
    if (typeof text === 'string') {
      for (const [, name] of text.matchAll(/\$\{([^!.}][^.}]*)\}/g)) {
        if (name && !(name in recordOrEmpty(variables))) names.add(name);
      }
    }
    Object.values(value).forEach(visit);
  };
  visit(node);
  return names;
}
