// The template's AWS::S3::Bucket resources, created on the local S3 with the
// name the template gives (resolved) or one derived from the stack, plus
// stand-ins for the CloudFront resources in front of them: their ids and
// domain names, which the local CloudFront endpoint (services/cloudfront.ts)
// later serves and localizes.
import type { PhysicalResources, SandboxModel } from '../template/model';
import type { PseudoParameters } from '../template/pseudo-parameters';
import { resolveValue, type ResolveContext } from '../template/resolve';
import { listOrEmpty, recordOrEmpty } from '../template/template-document';

export interface CorsRule {
  allowedMethods: string[];
  allowedOrigins: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
  maxAge?: number;
}

export interface BucketSpec {
  logicalId: string;
  bucketName: string;
  cors: CorsRule[];
}

const strings = (value: unknown): string[] => listOrEmpty(value).map(String);

export function readBuckets(model: SandboxModel, ctx: ResolveContext): BucketSpec[] {
  return model.resources
    .filter((resource) => resource.type === 'AWS::S3::Bucket')
    .map((resource) => {
      const where = resource.logicalId;
      const named = resource.properties.BucketName;
      const bucketName =
        named === undefined
          ? `${ctx.pseudo.stackName}-${resource.logicalId}`.toLowerCase()
          : String(resolveValue(named, ctx, `${where}.BucketName`));
      const corsRules = listOrEmpty(
        recordOrEmpty(resolveValue(resource.properties.CorsConfiguration ?? {}, ctx, where))
          .CorsRules,
      ).map(recordOrEmpty);
      return {
        logicalId: resource.logicalId,
        bucketName,
        cors: corsRules.map((rule) => ({
          allowedMethods: strings(rule.AllowedMethods),
          allowedOrigins: strings(rule.AllowedOrigins),
          allowedHeaders: strings(rule.AllowedHeaders).map((h) => h.toLowerCase()),
          exposedHeaders: strings(rule.ExposedHeaders),
          ...(rule.MaxAge !== undefined && { maxAge: Number(rule.MaxAge) }),
        })),
      };
    });
}

/** What `!Ref` and `!GetAtt` give for each bucket, as on AWS. */
export function bucketResources(
  buckets: BucketSpec[],
  pseudo: PseudoParameters,
): PhysicalResources {
  return Object.fromEntries(
    buckets.map((bucket) => [
      bucket.logicalId,
      {
        ref: bucket.bucketName,
        attributes: {
          Arn: `arn:${pseudo.partition}:s3:::${bucket.bucketName}`,
          DomainName: `${bucket.bucketName}.s3.amazonaws.com`,
          RegionalDomainName: `${bucket.bucketName}.s3.${pseudo.region}.amazonaws.com`,
          WebsiteURL: `http://${bucket.bucketName}.s3-website-${pseudo.region}.amazonaws.com`,
        },
      },
    ]),
  );
}

/**
 * CloudFront distributions and origin access controls resolve to names under
 * `.invalid` (RFC 2606): no deployed name is ever reached; URLs on them are
 * rewritten to the local CloudFront endpoint once it listens.
 */
export function cloudFrontStandIns(model: SandboxModel): PhysicalResources {
  const standIns: PhysicalResources = {};
  for (const resource of model.resources) {
    const id = `LOCAL${resource.logicalId.toUpperCase()}`;
    if (resource.type === 'AWS::CloudFront::Distribution') {
      standIns[resource.logicalId] = {
        ref: id,
        attributes: {
          DomainName: `${resource.logicalId.toLowerCase()}.cloudfront.invalid`,
          Id: id,
        },
      };
    } else if (resource.type === 'AWS::CloudFront::OriginAccessControl') {
      standIns[resource.logicalId] = { ref: id, attributes: { Id: id } };
    }
  }
  return standIns;
}
