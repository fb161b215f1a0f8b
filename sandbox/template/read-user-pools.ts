import type { UserPoolClientSpec, UserPoolSpec } from './model';
import { resolveValue } from './resolve';
import type { ResolveContext } from './resolve';
import {
  listOrEmpty,
  recordOrEmpty,
  refTarget,
  resolveOptionalBoolean,
  resolveOptionalNumber,
  resolveOptionalText,
  resolveTextList,
} from './template-document';
import type { TemplateResource } from './template-document';

/** User pools with the clients and groups that refer to them through `UserPoolId: !Ref Pool`. */
export function readUserPools(resources: TemplateResource[], ctx: ResolveContext): UserPoolSpec[] {
  const pools = new Map<string, UserPoolSpec>();
  for (const resource of resources.filter((r) => r.type === 'AWS::Cognito::UserPool')) {
    pools.set(resource.logicalId, readUserPool(resource, ctx));
  }
  const clientCtx = withIdentityProviders(resources, ctx);
  for (const resource of resources) {
    if (resource.type === 'AWS::Cognito::UserPoolClient') {
      poolOf(resource, pools).clients.push(readClient(resource, clientCtx));
    }
    if (resource.type === 'AWS::Cognito::UserPoolGroup') {
      const where = resource.logicalId;
      const description = resolveOptionalText(
        resource.properties.Description,
        ctx,
        `${where}.Description`,
      );
      poolOf(resource, pools).groups.push({
        logicalId: resource.logicalId,
        groupName:
          resolveOptionalText(resource.properties.GroupName, ctx, `${where}.GroupName`) ?? where,
        ...(description !== undefined && { description }),
      });
    }
  }
  return [...pools.values()];
}

/**
 * Clients name their identity providers with `!Ref <provider>`, whose value is
 * the provider's name: known from the template, before anything runs.
 */
function withIdentityProviders(resources: TemplateResource[], ctx: ResolveContext): ResolveContext {
  const providers = resources.filter((r) => r.type === 'AWS::Cognito::UserPoolIdentityProvider');
  if (providers.length === 0) return ctx;
  const named = Object.fromEntries(
    providers.map((provider) => {
      const where = `${provider.logicalId}.ProviderName`;
      const name = resolveOptionalText(provider.properties.ProviderName, ctx, where);
      return [provider.logicalId, { ref: name ?? provider.logicalId, attributes: {} }];
    }),
  );
  return { ...ctx, resources: { ...ctx.resources, ...named } };
}

function readUserPool(resource: TemplateResource, ctx: ResolveContext): UserPoolSpec {
  const where = resource.logicalId;
  const policy = recordOrEmpty(recordOrEmpty(resource.properties.Policies).PasswordPolicy);
  const at = (name: string) => `${where}.Policies.PasswordPolicy.${name}`;
  const passwordPolicy: UserPoolSpec['passwordPolicy'] = {
    MinimumLength: resolveOptionalNumber(policy.MinimumLength, ctx, at('MinimumLength')),
    RequireLowercase: resolveOptionalBoolean(policy.RequireLowercase, ctx, at('RequireLowercase')),
    RequireUppercase: resolveOptionalBoolean(policy.RequireUppercase, ctx, at('RequireUppercase')),
    RequireNumbers: resolveOptionalBoolean(policy.RequireNumbers, ctx, at('RequireNumbers')),
    RequireSymbols: resolveOptionalBoolean(policy.RequireSymbols, ctx, at('RequireSymbols')),
  };
  return {
    logicalId: resource.logicalId,
    poolName:
      resolveOptionalText(resource.properties.UserPoolName, ctx, `${where}.UserPoolName`) ?? where,
    usernameAttributes: resolveTextList(
      resource.properties.UsernameAttributes,
      ctx,
      `${where}.UsernameAttributes`,
    ),
    autoVerifiedAttributes: resolveTextList(
      resource.properties.AutoVerifiedAttributes,
      ctx,
      `${where}.AutoVerifiedAttributes`,
    ),
    requiredAttributes: readRequiredAttributes(resource, ctx),
    passwordPolicy: Object.fromEntries(
      Object.entries(passwordPolicy).filter(([, value]) => value !== undefined),
    ) as UserPoolSpec['passwordPolicy'],
    mfaConfiguration:
      resolveOptionalText(resource.properties.MfaConfiguration, ctx, `${where}.MfaConfiguration`) ??
      'OFF',
    enabledMfas: resolveDelimitedList(resource.properties.EnabledMfas, ctx, `${where}.EnabledMfas`),
    clients: [],
    groups: [],
  };
}

function readRequiredAttributes(resource: TemplateResource, ctx: ResolveContext): string[] {
  const where = `${resource.logicalId}.Schema`;
  return listOrEmpty(resource.properties.Schema).flatMap((entry, index) => {
    const attribute = recordOrEmpty(entry);
    const required = resolveOptionalBoolean(attribute.Required, ctx, `${where}[${index}].Required`);
    const name = resolveOptionalText(attribute.Name, ctx, `${where}[${index}].Name`);
    return required && name !== undefined ? [name] : [];
  });
}

function readClient(resource: TemplateResource, ctx: ResolveContext): UserPoolClientSpec {
  const where = resource.logicalId;
  const { properties } = resource;
  const units = recordOrEmpty(
    resolveValue(properties.TokenValidityUnits ?? {}, ctx, `${where}.TokenValidityUnits`),
  );
  const client: UserPoolClientSpec = {
    logicalId: resource.logicalId,
    clientName: resolveOptionalText(properties.ClientName, ctx, `${where}.ClientName`) ?? where,
    explicitAuthFlows: resolveTextList(
      properties.ExplicitAuthFlows,
      ctx,
      `${where}.ExplicitAuthFlows`,
    ),
    accessTokenValidity: resolveOptionalNumber(
      properties.AccessTokenValidity,
      ctx,
      `${where}.AccessTokenValidity`,
    ),
    idTokenValidity: resolveOptionalNumber(
      properties.IdTokenValidity,
      ctx,
      `${where}.IdTokenValidity`,
    ),
    refreshTokenValidity: resolveOptionalNumber(
      properties.RefreshTokenValidity,
      ctx,
      `${where}.RefreshTokenValidity`,
    ),
    ...(Object.keys(units).length > 0 && {
      tokenValidityUnits: units as UserPoolClientSpec['tokenValidityUnits'],
    }),
    oauth: readOAuthSettings(resource, ctx),
  };
  return Object.fromEntries(
    Object.entries(client).filter(([, value]) => value !== undefined),
  ) as UserPoolClientSpec;
}

/** The client's hosted sign-in settings; undefined unless `AllowedOAuthFlowsUserPoolClient`. */
function readOAuthSettings(
  resource: TemplateResource,
  ctx: ResolveContext,
): UserPoolClientSpec['oauth'] {
  const where = resource.logicalId;
  const { properties } = resource;
  const enabled = resolveOptionalBoolean(
    properties.AllowedOAuthFlowsUserPoolClient,
    ctx,
    `${where}.AllowedOAuthFlowsUserPoolClient`,
  );
  if (!enabled) return undefined;
  const list = (name: string) => resolveDelimitedList(properties[name], ctx, `${where}.${name}`);
  return {
    flows: list('AllowedOAuthFlows'),
    scopes: list('AllowedOAuthScopes'),
    callbackUrls: list('CallbackURLs'),
    logoutUrls: list('LogoutURLs'),
    identityProviders: list('SupportedIdentityProviders'),
  };
}

/**
 * A list, a `CommaDelimitedList` parameter's value (the sandbox keeps parameters
 * as text) or nothing (absent, or dropped by `!Ref AWS::NoValue`).
 */
function resolveDelimitedList(value: unknown, ctx: ResolveContext, where: string): string[] {
  const resolved = resolveValue(value, ctx, where) ?? [];
  if (typeof resolved === 'string') return resolved.split(',').map((item) => item.trim());
  return resolveTextList(resolved, ctx, where);
}

function poolOf(resource: TemplateResource, pools: Map<string, UserPoolSpec>): UserPoolSpec {
  const poolId = refTarget(resource.properties.UserPoolId);
  const pool = poolId === undefined ? undefined : pools.get(poolId);
  if (!pool) {
    throw new Error(
      `${resource.logicalId}.UserPoolId must be !Ref to a user pool of this template`,
    );
  }
  return pool;
}
