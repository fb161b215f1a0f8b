// The template's CloudFront pieces as the local endpoint serves them: the
// public keys (their EncodedKey, often a custom resource's attribute), the key
// groups, and the distribution: the bucket its default behaviour reads and the
// keys it trusts. One distribution with an S3 origin is what runs locally;
// anything else stops the sandbox with the reason.
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { PhysicalResources, SandboxModel } from '../template/model';
import { resolveValue, type ResolveContext } from '../template/resolve';
import { listOrEmpty, recordOrEmpty } from '../template/template-document';

export interface LocalDistribution {
  logicalId: string;
  /** Its local id (`!Ref`), as the SDK's DistributionId. */
  id: string;
  /** What `!GetAtt <logicalId>.DomainName` gives: deployed URLs naming it are localized. */
  domainName: string;
  bucket: string;
  /** Key-Pair-Id → public key; empty when the behaviour trusts no key group (public content). */
  trustedKeys: Map<string, KeyObject>;
}

type TemplateResource = SandboxModel['resources'][number];

const localId = (logicalId: string): string => `LOCAL${logicalId.toUpperCase()}`;

function ofType(model: Pick<SandboxModel, 'resources'>, type: string): TemplateResource[] {
  return model.resources.filter((resource) => resource.type === type);
}

/** Public keys and key groups, by local id; added to the context so the distribution can name them. */
export function keyResources(
  model: Pick<SandboxModel, 'resources'>,
  ctx: ResolveContext,
): { resources: PhysicalResources; keys: Map<string, KeyObject> } {
  const resources: PhysicalResources = {};
  const keys = new Map<string, KeyObject>();
  for (const resource of ofType(model, 'AWS::CloudFront::PublicKey')) {
    const config = recordOrEmpty(
      resolveValue(
        resource.properties.PublicKeyConfig,
        ctx,
        `${resource.logicalId}.PublicKeyConfig`,
      ),
    );
    const id = localId(resource.logicalId);
    keys.set(id, createPublicKey(String(config.EncodedKey)));
    resources[resource.logicalId] = { ref: id, attributes: { Id: id } };
  }
  for (const resource of ofType(model, 'AWS::CloudFront::KeyGroup')) {
    const id = localId(resource.logicalId);
    resources[resource.logicalId] = { ref: id, attributes: { Id: id } };
  }
  return { resources, keys };
}

/** The public key ids of each key group, by the key group's local id. */
function keyGroupItems(
  model: Pick<SandboxModel, 'resources'>,
  ctx: ResolveContext,
): Map<string, string[]> {
  return new Map(
    ofType(model, 'AWS::CloudFront::KeyGroup').map((resource) => {
      const config = recordOrEmpty(
        resolveValue(
          resource.properties.KeyGroupConfig,
          ctx,
          `${resource.logicalId}.KeyGroupConfig`,
        ),
      );
      return [localId(resource.logicalId), listOrEmpty(config.Items).map(String)];
    }),
  );
}

export function readDistribution(
  model: Pick<SandboxModel, 'resources'>,
  ctx: ResolveContext,
  keys: ReadonlyMap<string, KeyObject>,
): LocalDistribution | undefined {
  const distributions = ofType(model, 'AWS::CloudFront::Distribution');
  if (distributions.length === 0) return undefined;
  if (distributions.length > 1) {
    throw new Error(
      'The local CloudFront endpoint serves one distribution; the template has several',
    );
  }
  const resource = distributions[0] as TemplateResource;
  const where = `${resource.logicalId}.DistributionConfig`;
  const config = recordOrEmpty(resolveValue(resource.properties.DistributionConfig, ctx, where));
  const behaviour = recordOrEmpty(config.DefaultCacheBehavior);
  const origin = listOrEmpty(config.Origins)
    .map(recordOrEmpty)
    .find((candidate) => candidate.Id === behaviour.TargetOriginId);
  const bucket = bucketOf(String(origin?.DomainName ?? ''), ctx.resources);
  if (!bucket)
    throw new Error(
      `${where}: locally, the default behaviour's origin must be a bucket of the template`,
    );
  const groups = keyGroupItems(model, ctx);
  const trustedKeys = new Map<string, KeyObject>();
  for (const group of listOrEmpty(behaviour.TrustedKeyGroups).map(String)) {
    for (const keyId of groups.get(group) ?? []) {
      const key = keys.get(keyId);
      if (key) trustedKeys.set(keyId, key);
    }
  }
  const standIn = ctx.resources[resource.logicalId];
  return {
    logicalId: resource.logicalId,
    id: standIn?.ref ?? localId(resource.logicalId),
    domainName:
      standIn?.attributes.DomainName ?? `${resource.logicalId.toLowerCase()}.cloudfront.invalid`,
    bucket,
    trustedKeys,
  };
}

/** The bucket whose regional or global domain name the origin names. */
function bucketOf(domainName: string, resources: PhysicalResources): string | undefined {
  const match = Object.values(resources).find(
    (physical) =>
      physical.attributes.RegionalDomainName === domainName ||
      physical.attributes.DomainName === domainName,
  );
  return match?.attributes.Arn?.startsWith('arn:') && match.attributes.Arn.includes(':s3:::')
    ? match.ref
    : undefined;
}
