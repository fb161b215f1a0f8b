import { resolve } from 'node:path';
import { mergeGlobals } from './globals';
import type { ApiEventSpec, FunctionSpec, LayerSpec } from './model';
import { resolveValue } from './resolve';
import type { ResolveContext } from './resolve';
import {
  listOrEmpty,
  recordOrEmpty,
  refTarget,
  resolveNumber,
  resolveOptionalText,
  resolveText,
  resolveTextList,
} from './template-document';
import type { TemplateResource } from './template-document';

/** The REST API SAM creates for `Api` events that name no `RestApiId`. */
export const IMPLICIT_REST_API = 'ServerlessRestApi';

const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 128;

export function readLayers(
  resources: TemplateResource[],
  baseDir: string,
  ctx: ResolveContext,
): LayerSpec[] {
  return resources
    .filter((resource) => resource.type === 'AWS::Serverless::LayerVersion')
    .map((resource) => ({
      logicalId: resource.logicalId,
      contentUri: resolve(
        baseDir,
        localPath(resource.properties.ContentUri, ctx, `${resource.logicalId}.ContentUri`),
      ),
    }));
}

export function readFunctions(
  resources: TemplateResource[],
  functionGlobals: Record<string, unknown>,
  baseDir: string,
  ctx: ResolveContext,
): FunctionSpec[] {
  return resources
    .filter((resource) => resource.type === 'AWS::Serverless::Function')
    .map((resource) => readFunction(resource, functionGlobals, baseDir, ctx));
}

function readFunction(
  resource: TemplateResource,
  functionGlobals: Record<string, unknown>,
  baseDir: string,
  ctx: ResolveContext,
): FunctionSpec {
  const where = resource.logicalId;
  const properties = recordOrEmpty(mergeGlobals(functionGlobals, resource.properties));
  const runtime = resolveOptionalText(properties.Runtime, ctx, `${where}.Runtime`);
  if (runtime === undefined)
    throw new Error(`${where} has no Runtime (neither its own nor in Globals.Function)`);
  return {
    logicalId: resource.logicalId,
    codeUri: resolve(baseDir, localPath(properties.CodeUri, ctx, `${where}.CodeUri`)),
    handler: resolveText(properties.Handler, ctx, `${where}.Handler`),
    runtime,
    timeoutSeconds:
      properties.Timeout === undefined
        ? DEFAULT_TIMEOUT_SECONDS
        : resolveNumber(properties.Timeout, ctx, `${where}.Timeout`),
    memorySizeMb:
      properties.MemorySize === undefined
        ? DEFAULT_MEMORY_MB
        : resolveNumber(properties.MemorySize, ctx, `${where}.MemorySize`),
    environment: { ...recordOrEmpty(recordOrEmpty(properties.Environment).Variables) },
    // Layers given as ARNs cannot run locally; their packages come from node_modules instead.
    layers: listOrEmpty(properties.Layers).flatMap((layer) => refTarget(layer) ?? []),
    buildProperties: recordOrEmpty(
      resource.metadata.BuildProperties,
    ) as FunctionSpec['buildProperties'],
    apiEvents: readApiEvents(resource, ctx),
    properties,
  };
}

function localPath(value: unknown, ctx: ResolveContext, where: string): string {
  const path = value === undefined ? undefined : resolveValue(value, ctx, where);
  if (typeof path !== 'string' || path.startsWith('s3://')) {
    throw new Error(`${where} must be a local directory for the sandbox to run it`);
  }
  return path;
}

function readApiEvents(resource: TemplateResource, ctx: ResolveContext): ApiEventSpec[] {
  return Object.entries(recordOrEmpty(resource.properties.Events)).flatMap(([name, event]) => {
    const { Type, Properties } = recordOrEmpty(event);
    if (Type !== 'Api') return [];
    const properties = recordOrEmpty(Properties);
    const where = `${resource.logicalId}.Events.${name}`;
    const auth = recordOrEmpty(properties.Auth);
    const authorizer = resolveOptionalText(auth.Authorizer, ctx, `${where}.Auth.Authorizer`);
    return [
      {
        name,
        restApiLogicalId:
          properties.RestApiId === undefined
            ? IMPLICIT_REST_API
            : (refTarget(properties.RestApiId) ?? failRestApiId(where)),
        path: resolveText(properties.Path, ctx, `${where}.Path`),
        method: resolveText(properties.Method, ctx, `${where}.Method`).toUpperCase(),
        ...(authorizer !== undefined && { authorizer }),
        ...(auth.AuthorizationScopes !== undefined && {
          authorizationScopes: resolveTextList(
            auth.AuthorizationScopes,
            ctx,
            `${where}.Auth.AuthorizationScopes`,
          ),
        }),
      },
    ];
  });
}

function failRestApiId(where: string): never {
  throw new Error(`${where}.RestApiId must be !Ref to an AWS::Serverless::Api of this template`);
}
