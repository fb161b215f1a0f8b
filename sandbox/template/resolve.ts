import type { FunctionSpec, Intrinsic, PhysicalResources, SandboxModel } from './model';
import { resolveDynamicReferences } from './dynamic-references';
import type { SecretLookup } from './dynamic-references';
import { pseudoParameterValue } from './pseudo-parameters';
import type { PseudoParameters } from './pseudo-parameters';

export interface ResolveContext {
  parameters: Record<string, string>;
  resources: PhysicalResources;
  pseudo: PseudoParameters;
  secrets?: SecretLookup;
  /** The template's `Conditions`, for `Fn::If` and resource conditions. */
  conditions?: Record<string, Intrinsic>;
  /** The template's `Mappings`, for `Fn::FindInMap`. */
  mappings?: Record<string, Record<string, Record<string, unknown>>>;
}

/** `!Ref AWS::NoValue`: the property is dropped from its object or list. */
const NO_VALUE = Symbol('AWS::NoValue');

/**
 * Resolves intrinsic functions and dynamic references in a template value.
 * `where` names the referring place in error messages (e.g. `DataApiFunction environment variable X`).
 */
export function resolveValue(value: unknown, ctx: ResolveContext, where = 'template'): unknown {
  const resolved = resolveNode(value, ctx, where);
  return resolved === NO_VALUE ? undefined : resolved;
}

/** A function's environment variables, resolved to strings as Lambda receives them. */
export function resolveEnvironment(fn: FunctionSpec, ctx: ResolveContext): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(fn.environment)) {
    const resolved = resolveValue(value, ctx, `${fn.logicalId} environment variable ${name}`);
    if (resolved !== undefined) environment[name] = asText(resolved);
  }
  return environment;
}

/** The template's Outputs, resolved against the local resources. */
export function resolveOutputs(model: SandboxModel, ctx: ResolveContext): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(model.outputs)) {
    const resolved = resolveValue(value, ctx, `output ${name}`);
    if (resolved !== undefined) outputs[name] = asText(resolved);
  }
  return outputs;
}

/** Whether a named condition of the template holds. */
export function evaluateCondition(name: string, ctx: ResolveContext, where = 'template'): boolean {
  const definition = ctx.conditions?.[name];
  if (definition === undefined) throw new Error(`${where}: no condition named ${name}`);
  return asCondition(definition, ctx, `${where} (condition ${name})`);
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function resolveNode(value: unknown, ctx: ResolveContext, where: string): unknown {
  if (typeof value === 'string') return resolveDynamicReferences(value, ctx.secrets, where);
  if (Array.isArray(value)) {
    return value.map((item) => resolveNode(item, ctx, where)).filter((item) => item !== NO_VALUE);
  }
  if (isObject(value)) {
    const intrinsic = asIntrinsic(value);
    if (intrinsic) return resolveIntrinsic(intrinsic.name, intrinsic.argument, ctx, where);
    const resolved: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const result = resolveNode(item, ctx, where);
      if (result !== NO_VALUE) resolved[key] = result;
    }
    return resolved;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asIntrinsic(
  value: Record<string, unknown>,
): { name: string; argument: unknown } | undefined {
  const keys = Object.keys(value);
  const [name] = keys;
  if (keys.length !== 1 || name === undefined) return undefined;
  if (name !== 'Ref' && !name.startsWith('Fn::')) return undefined;
  return { name, argument: value[name] };
}

function resolveIntrinsic(
  name: string,
  argument: unknown,
  ctx: ResolveContext,
  where: string,
): unknown {
  switch (name) {
    case 'Ref':
      return resolveRef(expectString(resolveNode(argument, ctx, where), name, where), ctx, where);
    case 'Fn::GetAtt':
      return resolveGetAtt(argument, ctx, where);
    case 'Fn::Sub':
      return resolveSub(argument, ctx, where);
    case 'Fn::Join': {
      const [delimiter, items] = expectList(argument, 2, name, where);
      const list = expectList(resolveNode(items, ctx, where), undefined, name, where);
      return resolveDynamicReferences(
        list.map(asText).join(expectString(delimiter, name, where)),
        ctx.secrets,
        where,
      );
    }
    case 'Fn::Select': {
      const [index, items] = expectList(resolveNode(argument, ctx, where), 2, name, where);
      const list = expectList(items, undefined, name, where);
      const item = list[Number(index)];
      if (item === undefined)
        throw new Error(`${where}: Fn::Select index ${String(index)} is out of range`);
      return item;
    }
    case 'Fn::Split': {
      const [delimiter, text] = expectList(resolveNode(argument, ctx, where), 2, name, where);
      return expectString(text, name, where).split(expectString(delimiter, name, where));
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = expectList(argument, 3, name, where);
      const holds = evaluateCondition(expectString(condition, name, where), ctx, where);
      return resolveNode(holds ? whenTrue : whenFalse, ctx, where);
    }
    case 'Fn::Equals':
    case 'Fn::Not':
    case 'Fn::And':
    case 'Fn::Or':
      return asCondition({ [name]: argument }, ctx, where);
    case 'Fn::FindInMap':
      return resolveFindInMap(argument, ctx, where);
    case 'Fn::Base64':
      return Buffer.from(expectString(resolveNode(argument, ctx, where), name, where)).toString(
        'base64',
      );
    case 'Fn::GetAZs':
      return ['a', 'b', 'c'].map((zone) => `${ctx.pseudo.region}${zone}`);
    case 'Fn::Length':
      return expectList(resolveNode(argument, ctx, where), undefined, name, where).length;
    case 'Fn::ToJsonString':
      return JSON.stringify(resolveNode(argument, ctx, where));
    default:
      throw new Error(`${where}: ${name} is not supported by the sandbox`);
  }
}

function resolveRef(target: string, ctx: ResolveContext, where: string): unknown {
  if (target === 'AWS::NoValue') return NO_VALUE;
  const parameter = ctx.parameters[target];
  if (parameter !== undefined) return parameter;
  const pseudo = pseudoParameterValue(ctx.pseudo, target);
  if (pseudo !== undefined) return pseudo;
  const resource = ctx.resources[target];
  if (resource === undefined) {
    // SAM's property references (`!Ref Fn.Alias`) name an attribute of the resource.
    const dot = target.indexOf('.');
    if (dot > 0) return attributeOf(target.slice(0, dot), target.slice(dot + 1), ctx, where);
    throw new Error(
      `${where} refers to ${target} (!Ref), which is neither a parameter nor a resource running locally`,
    );
  }
  return resource.ref;
}

function resolveGetAtt(argument: unknown, ctx: ResolveContext, where: string): string {
  const [logicalId, attribute] = expectList(
    resolveNode(argument, ctx, where),
    2,
    'Fn::GetAtt',
    where,
  ).map((part) => expectString(part, 'Fn::GetAtt', where)) as [string, string];
  return attributeOf(logicalId, attribute, ctx, where);
}

function attributeOf(
  logicalId: string,
  attribute: string,
  ctx: ResolveContext,
  where: string,
): string {
  const resource = ctx.resources[logicalId];
  if (resource === undefined) {
    throw new Error(
      `${where} refers to ${logicalId}.${attribute} (!GetAtt), but ${logicalId} is not a resource running locally`,
    );
  }
  const value = resource.attributes[attribute];
  if (value === undefined) {
    const known = Object.keys(resource.attributes).join(', ') || 'none';
    throw new Error(
      `${where} refers to ${logicalId}.${attribute} (!GetAtt), but locally ${logicalId} has only these attributes: ${known}`,
    );
  }
  return value;
}

function resolveSub(argument: unknown, ctx: ResolveContext, where: string): string {
  const [template, variables = {}] = Array.isArray(argument) ? argument : [argument];
  const text = expectString(template, 'Fn::Sub', where);
  const values = resolveNode(variables, ctx, where);
  if (!isObject(values)) throw new Error(`${where}: the variables of Fn::Sub must be a map`);
  const substituted = text.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (name in values) return asText(values[name]);
    const dot = name.indexOf('.');
    if (dot >= 0) return attributeOf(name.slice(0, dot), name.slice(dot + 1), ctx, where);
    return asText(resolveRef(name, ctx, where));
  });
  return resolveDynamicReferences(substituted, ctx.secrets, where);
}

function resolveFindInMap(argument: unknown, ctx: ResolveContext, where: string): unknown {
  const [mapName, topKey, secondKey] = expectList(
    resolveNode(argument, ctx, where),
    3,
    'Fn::FindInMap',
    where,
  ).map((part) => asText(part)) as [string, string, string];
  const value = ctx.mappings?.[mapName]?.[topKey]?.[secondKey];
  if (value === undefined)
    throw new Error(`${where}: Fn::FindInMap found nothing at ${mapName}.${topKey}.${secondKey}`);
  return value;
}

function asCondition(definition: unknown, ctx: ResolveContext, where: string): boolean {
  if (isObject(definition) && Object.keys(definition).length === 1) {
    if ('Condition' in definition) {
      return evaluateCondition(expectString(definition.Condition, 'Condition', where), ctx, where);
    }
    if ('Fn::Equals' in definition) {
      const [left, right] = expectList(
        resolveNode(definition['Fn::Equals'], ctx, where),
        2,
        'Fn::Equals',
        where,
      );
      return asText(left) === asText(right);
    }
    if ('Fn::Not' in definition) {
      const [operand] = expectList(definition['Fn::Not'], 1, 'Fn::Not', where);
      return !asCondition(operand, ctx, where);
    }
    if ('Fn::And' in definition) {
      return expectList(definition['Fn::And'], undefined, 'Fn::And', where).every((operand) =>
        asCondition(operand, ctx, where),
      );
    }
    if ('Fn::Or' in definition) {
      return expectList(definition['Fn::Or'], undefined, 'Fn::Or', where).some((operand) =>
        asCondition(operand, ctx, where),
      );
    }
  }
  const value = resolveNode(definition, ctx, where);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${where}: ${JSON.stringify(definition)} is not a condition`);
}

function expectString(value: unknown, fn: string, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`${where}: ${fn} expects a string, got ${JSON.stringify(value)}`);
}

function expectList(
  value: unknown,
  length: number | undefined,
  fn: string,
  where: string,
): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length < length)) {
    const shape = length === undefined ? 'a list' : `a list of ${length}`;
    throw new Error(`${where}: ${fn} expects ${shape}, got ${JSON.stringify(value)}`);
  }
  return value;
}
