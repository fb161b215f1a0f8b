// Every Allow statement of a transformed template, flattened to the role (or
// policy) that holds it, with intrinsic functions rendered as readable text:
// `${Table.Arn}/index/GSI1`, `arn:${AWS::Partition}:sqs:...`. A condition's
// branches both count: a statement allowed only with push on is still granted.
import type { TransformedTemplate } from '../../support/stack/sam-transformed-template';

export interface Grant {
  /** Logical id of the role or policy resource. */
  holder: string;
  actions: string[];
  resources: string[];
}

export interface ManagedPolicyUse {
  holder: string;
  policyArn: string;
}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An intrinsic as the text it stands for; a Ref to `AWS::NoValue` is no value. */
export function render(value: Json): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return JSON.stringify(value);
  if ('Ref' in value) return value.Ref === 'AWS::NoValue' ? undefined : `\${${String(value.Ref)}}`;
  if ('Fn::GetAtt' in value) {
    const target = value['Fn::GetAtt'];
    return `\${${Array.isArray(target) ? target.join('.') : String(target)}}`;
  }
  if ('Fn::Sub' in value) return renderSub(value['Fn::Sub']);
  if ('Fn::Join' in value) {
    const [separator, parts] = value['Fn::Join'] as [string, Json[]];
    return parts.map((part) => render(part) ?? '').join(separator);
  }
  // Any other function (Fn::Select, ...) by its name: enough to tell resources apart.
  return `\${${Object.keys(value).join(',')}}`;
}

function renderSub(sub: Json): string {
  if (typeof sub === 'string') return sub;
  const [text, variables] = sub as [string, Record<string, Json>];
  return text.replace(/\$\{([^}!]+)\}/g, (whole, name: string) =>
    name in variables ? (render(variables[name]) ?? '') : whole,
  );
}

/** A value or list that may hold `Fn::If`s, as every value any branch gives. */
export function branches(value: Json): Json[] {
  if (Array.isArray(value)) return value.flatMap(branches);
  if (isObject(value) && 'Fn::If' in value) {
    const [, whenTrue, whenFalse] = value['Fn::If'] as [string, Json, Json];
    return [...branches(whenTrue), ...branches(whenFalse)];
  }
  if (isObject(value) && value.Ref === 'AWS::NoValue') return [];
  return [value];
}

function statementsOf(document: Json): Record<string, Json>[] {
  if (!isObject(document)) return [];
  return branches(document.Statement).filter(isObject);
}

function policyDocumentsOf(type: string, properties: Record<string, Json>): Json[] {
  if (type === 'AWS::IAM::Role') {
    return branches(properties.Policies ?? [])
      .filter(isObject)
      .map((policy) => policy.PolicyDocument);
  }
  if (type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy') {
    return [properties.PolicyDocument];
  }
  return [];
}

const texts = (value: Json): string[] =>
  branches(value)
    .map(render)
    .filter((text): text is string => text !== undefined);

/** Every Allow statement of every role and policy in the template. */
export function grantsOf(template: TransformedTemplate): Grant[] {
  return Object.entries(template.Resources).flatMap(([holder, resource]) =>
    policyDocumentsOf(resource.Type, resource.Properties ?? {})
      .flatMap(statementsOf)
      .filter((statement) => statement.Effect === 'Allow')
      .map((statement) => ({
        holder,
        // NotAction and NotResource grant everything else: as wide as "*".
        actions: 'NotAction' in statement ? ['*'] : texts(statement.Action),
        resources: 'NotResource' in statement ? ['*'] : texts(statement.Resource),
      })),
  );
}

/** Every managed policy attached to a role (SAM attaches some to the roles it generates). */
export function managedPoliciesOf(template: TransformedTemplate): ManagedPolicyUse[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
    .flatMap(([holder, resource]) =>
      texts(resource.Properties?.ManagedPolicyArns ?? []).map((policyArn) => ({
        holder,
        policyArn,
      })),
    );
}
