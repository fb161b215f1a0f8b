// The template's identity pools as the local endpoint serves them: each
// AWS::Cognito::IdentityPool with its user pool providers, and the roles its
// AWS::Cognito::IdentityPoolRoleAttachment gives, with their trust and
// identity policies resolved. Ids and ARNs are made up from the logical ids,
// stable across restarts.
import { createHash } from 'node:crypto';
import type { SandboxModel, PhysicalResources } from '../template/model';
import type { PseudoParameters } from '../template/pseudo-parameters';
import { resolveValue, type ResolveContext } from '../template/resolve';
import {
  listOrEmpty,
  recordOrEmpty,
  resolveOptionalBoolean,
  resolveText,
} from '../template/template-document';

export interface IdentityPoolRole {
  logicalId: string;
  arn: string;
  trustPolicy: unknown;
  policies: unknown[];
}

export interface IdentityPoolSpec {
  logicalId: string;
  /** `<region>:<uuid>`, as Cognito's. */
  id: string;
  allowUnauthenticated: boolean;
  /** Providers whose ID tokens the pool accepts: the key of `Logins` → the app client. */
  providers: { providerName: string; clientId: string }[];
  roles: { authenticated?: IdentityPoolRole; unauthenticated?: IdentityPoolRole };
}

type TemplateResource = SandboxModel['resources'][number];

function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What `!Ref` and `!GetAtt` give for the identity pools, their attachments and roles. */
export function identityPoolResources(
  model: SandboxModel,
  pseudo: PseudoParameters,
): PhysicalResources {
  const resources: PhysicalResources = {};
  for (const resource of model.resources) {
    if (resource.type === 'AWS::Cognito::IdentityPool') {
      const id = `${pseudo.region}:${uuidOf(resource.logicalId)}`;
      resources[resource.logicalId] = { ref: id, attributes: { Name: resource.logicalId } };
    } else if (resource.type === 'AWS::Cognito::IdentityPoolRoleAttachment') {
      resources[resource.logicalId] = { ref: uuidOf(resource.logicalId), attributes: {} };
    } else if (resource.type === 'AWS::IAM::Role' && trustsCognitoIdentity(resource)) {
      const name = `${pseudo.stackName}-${resource.logicalId}`;
      const arn = `arn:${pseudo.partition}:iam::${pseudo.accountId}:role/${name}`;
      resources[resource.logicalId] = { ref: name, attributes: { Arn: arn, RoleId: name } };
    }
  }
  return resources;
}

function trustsCognitoIdentity(role: TemplateResource): boolean {
  return JSON.stringify(role.properties.AssumeRolePolicyDocument ?? {}).includes(
    'cognito-identity.amazonaws.com',
  );
}

export function readIdentityPools(model: SandboxModel, ctx: ResolveContext): IdentityPoolSpec[] {
  const attachments = model.resources.filter(
    (r) => r.type === 'AWS::Cognito::IdentityPoolRoleAttachment',
  );
  return model.resources
    .filter((r) => r.type === 'AWS::Cognito::IdentityPool')
    .map((pool) => readIdentityPool(pool, attachments, model, ctx));
}

function readIdentityPool(
  pool: TemplateResource,
  attachments: TemplateResource[],
  model: SandboxModel,
  ctx: ResolveContext,
): IdentityPoolSpec {
  const where = pool.logicalId;
  const id = ctx.resources[pool.logicalId]?.ref ?? '';
  const attachment = attachments.find(
    (a) => resolveText(a.properties.IdentityPoolId, ctx, `${a.logicalId}.IdentityPoolId`) === id,
  );
  const roles = recordOrEmpty(attachment?.properties.Roles);
  return {
    logicalId: pool.logicalId,
    id,
    allowUnauthenticated:
      resolveOptionalBoolean(
        pool.properties.AllowUnauthenticatedIdentities,
        ctx,
        `${where}.AllowUnauthenticatedIdentities`,
      ) ?? false,
    providers: listOrEmpty(pool.properties.CognitoIdentityProviders).map((value, index) => {
      const provider = recordOrEmpty(value);
      const at = `${where}.CognitoIdentityProviders.${index}`;
      return {
        providerName: resolveText(provider.ProviderName, ctx, `${at}.ProviderName`),
        clientId: resolveText(provider.ClientId, ctx, `${at}.ClientId`),
      };
    }),
    roles: {
      ...roleOf(roles.authenticated, 'authenticated', model, ctx),
      ...roleOf(roles.unauthenticated, 'unauthenticated', model, ctx),
    },
  };
}

function roleOf(
  value: unknown,
  kind: 'authenticated' | 'unauthenticated',
  model: SandboxModel,
  ctx: ResolveContext,
): Partial<IdentityPoolSpec['roles']> {
  if (value === undefined) return {};
  const arn = resolveValue(value, ctx, `role attachment (${kind})`);
  if (typeof arn !== 'string') return {};
  const role = model.resources.find(
    (r) => r.type === 'AWS::IAM::Role' && ctx.resources[r.logicalId]?.attributes.Arn === arn,
  );
  if (!role) {
    throw new Error(
      `The ${kind} role of the identity pool (${arn}) must be a role of the template trusted by cognito-identity.amazonaws.com, for the sandbox to apply its policies`,
    );
  }
  const where = role.logicalId;
  return {
    [kind]: {
      logicalId: role.logicalId,
      arn,
      trustPolicy: resolveValue(role.properties.AssumeRolePolicyDocument, ctx, where),
      policies: listOrEmpty(role.properties.Policies).map((policy, index) =>
        resolveValue(recordOrEmpty(policy).PolicyDocument, ctx, `${where}.Policies.${index}`),
      ),
    },
  };
}
