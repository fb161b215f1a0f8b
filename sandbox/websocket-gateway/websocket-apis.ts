// The template's API Gateway WebSocket APIs (AWS::ApiGatewayV2::* with
// ProtocolType WEBSOCKET), read from the raw resources once the local
// resources exist, so that `!Sub`, `!GetAtt X.Arn` and `!Ref` resolve as on AWS.
import { createHash } from 'node:crypto';
import type { PhysicalResources, SandboxModel } from '../template/model';
import type { PseudoParameters } from '../template/pseudo-parameters';
import { resolveValue, type ResolveContext } from '../template/resolve';

export interface WebSocketRouteSpec {
  routeKey: string;
  /** The Lambda function of the route's AWS_PROXY integration (a local function is named by its logical id). */
  functionLogicalId: string;
  /** A REQUEST authorizer, only meaningful on `$connect`. */
  authorizer?: { functionLogicalId: string; identitySource: string[] };
  /** A route with a RouteResponseSelectionExpression sends the integration's reply back to the client. */
  returnsResponse: boolean;
}

export interface WebSocketApiSpec {
  logicalId: string;
  /** Local physical id: what `!Ref` gives. */
  apiId: string;
  stageName: string;
  /** e.g. `$request.body.action`. */
  routeSelectionExpression: string;
  routes: Record<string, WebSocketRouteSpec>;
}

const V2 = 'AWS::ApiGatewayV2::';

type RawResource = SandboxModel['resources'][number];

function webSocketApisOf(model: SandboxModel): RawResource[] {
  return model.resources.filter(
    (resource) => resource.type === `${V2}Api` && resource.properties.ProtocolType === 'WEBSOCKET',
  );
}

/** A stable, API Gateway-like id (10 lower-case alphanumerics). */
export function localResourceId(logicalId: string): string {
  const digest = createHash('sha256').update(`websocket:${logicalId}`).digest();
  return Array.from(
    digest.subarray(0, 10),
    (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36],
  ).join('');
}

/** What `!Ref` gives for the WebSocket API resources (API, routes, integrations, authorizers, stages). */
export function webSocketApiResources(model: SandboxModel): PhysicalResources {
  const resources: PhysicalResources = {};
  for (const resource of model.resources) {
    if (!resource.type.startsWith(V2)) continue;
    const ref =
      resource.type === `${V2}Stage` && typeof resource.properties.StageName === 'string'
        ? resource.properties.StageName
        : localResourceId(resource.logicalId);
    resources[resource.logicalId] = {
      ref,
      attributes: resource.type === `${V2}Api` ? { ApiId: ref, ApiEndpoint: `wss://${ref}` } : {},
    };
  }
  return resources;
}

/** `arn:...:lambda:path/2015-03-31/functions/arn:aws:lambda:<region>:<account>:function:<name>/invocations` → name. */
function functionOfUri(uri: unknown, where: string): string {
  const match = /:function:([^/:]+)/.exec(typeof uri === 'string' ? uri : '');
  if (!match?.[1]) throw new Error(`${where}: ${JSON.stringify(uri)} is not a Lambda function URI`);
  return match[1];
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [];
}

export function readWebSocketApis(model: SandboxModel, ctx: ResolveContext): WebSocketApiSpec[] {
  // Only what the gateway reads: other properties (log destinations, ...) name
  // resources that do not run locally.
  const resolved = (resource: RawResource, names: string[]) =>
    Object.fromEntries(
      names.map((name) => [
        name,
        resolveValue(resource.properties[name], ctx, `${resource.logicalId}.${name}`),
      ]),
    );
  const byType = (type: string, names: string[]) =>
    model.resources
      .filter((resource) => resource.type === `${V2}${type}`)
      .map((resource) => ({ resource, properties: resolved(resource, ['ApiId', ...names]) }));
  const integrations = byType('Integration', ['IntegrationType', 'IntegrationUri']);
  const authorizers = byType('Authorizer', ['AuthorizerUri', 'IdentitySource']);
  const routes = byType('Route', [
    'RouteKey',
    'Target',
    'AuthorizationType',
    'AuthorizerId',
    'RouteResponseSelectionExpression',
  ]);
  const stages = byType('Stage', ['StageName']);
  const refOf = (logicalId: string) => ctx.resources[logicalId]?.ref;

  return webSocketApisOf(model).flatMap((api): WebSocketApiSpec[] => {
    const apiId = refOf(api.logicalId) ?? localResourceId(api.logicalId);
    const ofThisApi = <T extends { properties: Record<string, unknown> }>(items: T[]) =>
      items.filter((item) => item.properties.ApiId === apiId);
    const stage = ofThisApi(stages)[0];
    if (!stage) return [];
    const spec: WebSocketApiSpec = {
      logicalId: api.logicalId,
      apiId,
      stageName: String(stage.properties.StageName),
      routeSelectionExpression: String(
        resolved(api, ['RouteSelectionExpression']).RouteSelectionExpression ??
          '$request.body.action',
      ),
      routes: {},
    };
    for (const route of ofThisApi(routes)) {
      const routeKey = String(route.properties.RouteKey);
      const where = `${route.resource.logicalId} (${routeKey})`;
      const target = String(route.properties.Target ?? '');
      const integration = ofThisApi(integrations).find(
        (item) => target === `integrations/${refOf(item.resource.logicalId)}`,
      );
      if (!integration) throw new Error(`${where}: no integration for Target ${target}`);
      if (integration.properties.IntegrationType !== 'AWS_PROXY') {
        throw new Error(`${where}: only AWS_PROXY (Lambda) integrations run locally`);
      }
      const authorizer =
        route.properties.AuthorizationType === 'CUSTOM'
          ? ofThisApi(authorizers).find(
              (item) => refOf(item.resource.logicalId) === route.properties.AuthorizerId,
            )
          : undefined;
      if (route.properties.AuthorizationType === 'CUSTOM' && !authorizer) {
        throw new Error(`${where}: no authorizer ${String(route.properties.AuthorizerId)}`);
      }
      spec.routes[routeKey] = {
        routeKey,
        functionLogicalId: functionOfUri(integration.properties.IntegrationUri, where),
        authorizer: authorizer && {
          functionLogicalId: functionOfUri(authorizer.properties.AuthorizerUri, where),
          identitySource: asStrings(authorizer.properties.IdentitySource),
        },
        returnsResponse: route.properties.RouteResponseSelectionExpression !== undefined,
      };
    }
    return [spec];
  });
}

/** The deployed URLs of a WebSocket API's stage and their local counterparts. */
export function localWebSocketUrls(
  api: WebSocketApiSpec,
  localBase: string,
  pseudo: PseudoParameters,
): [deployed: string, local: string][] {
  const host = `${api.apiId}.execute-api.${pseudo.region}.${pseudo.urlSuffix}`;
  const local = new URL(localBase);
  return [
    [`wss://${host}/${api.stageName}`, `ws://${local.host}/${api.stageName}`],
    // The @connections management API the functions call.
    [`https://${host}/${api.stageName}`, `http://${local.host}/${api.stageName}`],
  ];
}

/** Replaces deployed WebSocket URLs with the local gateway's in environments and outputs. */
export function localizeUrls(
  values: Record<string, string>,
  replacements: [deployed: string, local: string][],
): Record<string, string> {
  const localized: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    localized[name] = replacements.reduce(
      (text, [deployed, local]) => text.split(deployed).join(local),
      value,
    );
  }
  return localized;
}
