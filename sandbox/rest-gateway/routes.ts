// The API's resources and methods, from the functions' Api events. Matching
// follows API Gateway: a literal segment beats `{param}`, which beats a
// greedy `{proxy+}`; a method beats `ANY`. Parameter values are passed on as
// they appear in the URL (REST APIs do not decode them).
import { createHash } from 'node:crypto';
import type { FunctionSpec, RestApiSpec } from '../template/model';

export interface Route {
  /** The resource path as in the template, e.g. `/v1/items/{id}`. */
  resource: string;
  resourceId: string;
  method: string;
  functionLogicalId: string;
  /** Name of the authorizer that guards the route, if any. */
  authorizer?: string;
  /**
   * OAuth scopes the method asks of an access token (the event's, else its
   * authorizer's); none means it takes ID tokens only, as API Gateway does.
   */
  authorizationScopes: string[];
}

/** What `ANY` stands for in API Gateway; TRACE, WebDAV and other methods reach no integration. */
const ANY_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string> | null;
}

export interface RouteTable {
  /** The route for this method and path (without the stage), if any. */
  match(method: string, path: string): RouteMatch | undefined;
  /** Whether some resource exists at this path, whatever its methods. */
  hasResource(path: string): boolean;
}

interface ResourceNode {
  resource: string;
  literals: Map<string, ResourceNode>;
  parameter?: { name: string; node: ResourceNode };
  greedy?: { name: string; node: ResourceNode };
  methods: Map<string, Route>;
}

function newNode(resource: string): ResourceNode {
  return { resource, literals: new Map(), methods: new Map() };
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** A stable, API Gateway-like resource id (6 lower-case alphanumerics). */
export function resourceIdOf(resource: string): string {
  const digest = createHash('sha256').update(resource).digest();
  return Array.from(
    digest.subarray(0, 6),
    (byte) => '0123456789abcdefghijklmnopqrstuvwxyz'[byte % 36],
  ).join('');
}

function insert(root: ResourceNode, resource: string): ResourceNode {
  let node = root;
  let path = '';
  for (const segment of segmentsOf(resource)) {
    path += `/${segment}`;
    const greedy = /^\{(.+)\+\}$/.exec(segment);
    const parameter = /^\{(.+)\}$/.exec(segment);
    if (greedy?.[1]) {
      node.greedy ??= { name: greedy[1], node: newNode(path) };
      node = node.greedy.node;
    } else if (parameter?.[1]) {
      node.parameter ??= { name: parameter[1], node: newNode(path) };
      node = node.parameter.node;
    } else {
      const next = node.literals.get(segment) ?? newNode(path);
      node.literals.set(segment, next);
      node = next;
    }
  }
  return node;
}

function find(
  node: ResourceNode,
  segments: string[],
  index: number,
  parameters: Record<string, string>,
): { node: ResourceNode; parameters: Record<string, string> } | undefined {
  if (index === segments.length) return node.methods.size > 0 ? { node, parameters } : undefined;
  const segment = segments[index] ?? '';
  const literal = node.literals.get(segment);
  const viaLiteral = literal && find(literal, segments, index + 1, parameters);
  if (viaLiteral) return viaLiteral;
  if (node.parameter) {
    const { name, node: next } = node.parameter;
    const viaParameter = find(next, segments, index + 1, { ...parameters, [name]: segment });
    if (viaParameter) return viaParameter;
  }
  if (node.greedy && node.greedy.node.methods.size > 0) {
    const rest = segments.slice(index).join('/');
    return { node: node.greedy.node, parameters: { ...parameters, [node.greedy.name]: rest } };
  }
  return undefined;
}

export function createRouteTable(api: RestApiSpec, functions: FunctionSpec[]): RouteTable {
  const root = newNode('/');
  for (const fn of functions) {
    for (const event of fn.apiEvents) {
      if (event.restApiLogicalId !== api.logicalId) continue;
      const node = insert(root, event.path);
      const method = event.method.toUpperCase();
      if (node.methods.has(method)) {
        throw new Error(`Two functions handle ${method} ${event.path} on ${api.logicalId}`);
      }
      const authorizer = event.authorizer ?? api.defaultAuthorizer;
      node.methods.set(method, {
        resource: node.resource,
        resourceId: resourceIdOf(node.resource),
        method,
        functionLogicalId: fn.logicalId,
        authorizer: authorizer === 'NONE' ? undefined : authorizer,
        authorizationScopes:
          event.authorizationScopes ??
          (authorizer ? api.cognitoAuthorizers[authorizer]?.authorizationScopes : undefined) ??
          [],
      });
    }
  }

  return {
    match(method, path) {
      const found = find(root, segmentsOf(path), 0, {});
      if (!found) return undefined;
      const upper = method.toUpperCase();
      const route =
        found.node.methods.get(upper) ??
        (ANY_METHODS.has(upper) ? found.node.methods.get('ANY') : undefined);
      if (!route) return undefined;
      const hasParameters = Object.keys(found.parameters).length > 0;
      return { route, pathParameters: hasParameters ? found.parameters : null };
    },
    hasResource(path) {
      return find(root, segmentsOf(path), 0, {}) !== undefined;
    },
  };
}
