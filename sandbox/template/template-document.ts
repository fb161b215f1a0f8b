import { resolveValue } from './resolve';
import type { ResolveContext } from './resolve';

/** One entry of the template's `Resources`, with the parts the sandbox reads. */
export interface TemplateResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  metadata: Record<string, unknown>;
  condition?: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordOrEmpty(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function listOrEmpty(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The logical id in `{Ref: X}`, else undefined. */
export function refTarget(value: unknown): string | undefined {
  return isRecord(value) && typeof value.Ref === 'string' ? value.Ref : undefined;
}

/** `[X, Attr]` of `{'Fn::GetAtt': [X, Attr]}`, else undefined. */
export function getAttTarget(value: unknown): [string, string] | undefined {
  const target = isRecord(value) ? value['Fn::GetAtt'] : undefined;
  if (!Array.isArray(target) || typeof target[0] !== 'string' || typeof target[1] !== 'string') {
    return undefined;
  }
  return [target[0], target[1]];
}

// The resolve* helpers below read values the sandbox needs before any local service runs
// (names, stage, CORS): they may use parameters and pseudo parameters, not other resources.

export function resolveText(value: unknown, ctx: ResolveContext, where: string): string {
  const resolved = resolveValue(value, ctx, where);
  if (typeof resolved === 'string') return resolved;
  if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
  throw new Error(`${where} must be a string, got ${JSON.stringify(resolved)}`);
}

export function resolveOptionalText(
  value: unknown,
  ctx: ResolveContext,
  where: string,
): string | undefined {
  return value === undefined ? undefined : resolveText(value, ctx, where);
}

export function resolveNumber(value: unknown, ctx: ResolveContext, where: string): number {
  const resolved = Number(resolveText(value, ctx, where));
  if (Number.isNaN(resolved)) throw new Error(`${where} must be a number`);
  return resolved;
}

export function resolveOptionalNumber(
  value: unknown,
  ctx: ResolveContext,
  where: string,
): number | undefined {
  return value === undefined ? undefined : resolveNumber(value, ctx, where);
}

export function resolveOptionalBoolean(
  value: unknown,
  ctx: ResolveContext,
  where: string,
): boolean | undefined {
  return value === undefined ? undefined : resolveText(value, ctx, where) === 'true';
}

export function resolveTextList(value: unknown, ctx: ResolveContext, where: string): string[] {
  const resolved = resolveValue(value ?? [], ctx, where);
  if (!Array.isArray(resolved)) throw new Error(`${where} must be a list`);
  return resolved.map((item) => String(item));
}

/** Logical ids a value refers to through `Ref`, `Fn::GetAtt` or `${Id}` / `${Id.Attribute}` in `Fn::Sub`. */
export function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    const target = refTarget(node) ?? getAttTarget(node)?.[0];
    if (target) ids.add(target);
    const sub = node['Fn::Sub'];
    const text = Array.isArray(sub) ? sub[0] : sub;
    if (typeof text === 'string') {
      for (const [, name] of text.matchAll(/\$\{([^!}.]+)[^}]*\}/g)) if (name) ids.add(name);
    }
    Object.values(node).forEach(visit);
  };
  visit(value);
  return ids;
}
