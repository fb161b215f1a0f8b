// CreateInvalidation, GetInvalidation and ListInvalidations of the CloudFront
// API (REST-XML, 2020-05-31), recorded in memory: locally there is no edge
// cache, so an invalidation is Completed at once, and what matters is that
// the call was made, with which paths.
import { randomBytes } from 'node:crypto';
import { xmlElements, xmlEscape, xmlValues } from '../s3/xml';

export interface Invalidation {
  id: string;
  distributionId: string;
  callerReference: string;
  paths: string[];
  createTime: string;
}

export class InvalidationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class InvalidationLog {
  private readonly recorded: Invalidation[] = [];

  constructor(private readonly distributionIds: ReadonlySet<string>) {}

  /** The body of a CreateInvalidation request; the same caller reference twice is one invalidation, as on AWS. */
  create(distributionId: string, body: string, now = new Date()): Invalidation {
    this.checkDistribution(distributionId);
    const callerReference = xmlValues(body, 'CallerReference')[0];
    const paths = xmlValues(xmlElements(body, 'Items')[0] ?? '', 'Path');
    if (!callerReference || paths.length === 0) {
      throw new InvalidationError(
        400,
        'InvalidArgument',
        'CallerReference and Paths are required.',
      );
    }
    const existing = this.recorded.find(
      (entry) =>
        entry.distributionId === distributionId && entry.callerReference === callerReference,
    );
    if (existing) return existing;
    const invalidation: Invalidation = {
      id: `I${randomBytes(6).toString('hex').toUpperCase()}`,
      distributionId,
      callerReference,
      paths,
      createTime: now.toISOString(),
    };
    this.recorded.push(invalidation);
    return invalidation;
  }

  get(distributionId: string, id: string): Invalidation {
    this.checkDistribution(distributionId);
    const found = this.recorded.find(
      (entry) => entry.distributionId === distributionId && entry.id === id,
    );
    if (!found)
      throw new InvalidationError(
        404,
        'NoSuchInvalidation',
        'The specified invalidation does not exist.',
      );
    return found;
  }

  /** Newest first, as CloudFront lists them. */
  list(distributionId: string): Invalidation[] {
    this.checkDistribution(distributionId);
    return this.recorded.filter((entry) => entry.distributionId === distributionId).reverse();
  }

  private checkDistribution(distributionId: string): void {
    if (!this.distributionIds.has(distributionId)) {
      throw new InvalidationError(
        404,
        'NoSuchDistribution',
        'The specified distribution does not exist.',
      );
    }
  }
}

const NAMESPACE = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export function invalidationXml(invalidation: Invalidation): string {
  const items = invalidation.paths.map((path) => `<Path>${xmlEscape(path)}</Path>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Invalidation xmlns="${NAMESPACE}">` +
    `<Id>${invalidation.id}</Id><Status>Completed</Status><CreateTime>${invalidation.createTime}</CreateTime>` +
    `<InvalidationBatch><Paths><Quantity>${invalidation.paths.length}</Quantity><Items>${items}</Items></Paths>` +
    `<CallerReference>${xmlEscape(invalidation.callerReference)}</CallerReference></InvalidationBatch></Invalidation>`
  );
}

export function invalidationListXml(invalidations: Invalidation[]): string {
  const items = invalidations
    .map(
      (entry) =>
        `<InvalidationSummary><Id>${entry.id}</Id><CreateTime>${entry.createTime}</CreateTime><Status>Completed</Status></InvalidationSummary>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><InvalidationList xmlns="${NAMESPACE}">` +
    `<Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated>` +
    `<Quantity>${invalidations.length}</Quantity><Items>${items}</Items></InvalidationList>`
  );
}

export function errorXml(error: InvalidationError): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse xmlns="${NAMESPACE}">` +
    `<Error><Type>Sender</Type><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message></Error></ErrorResponse>`
  );
}
