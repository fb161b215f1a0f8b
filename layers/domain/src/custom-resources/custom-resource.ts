import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { logger } from '../observability';
import {
  failedResponse,
  sendResponse,
  successResponse,
  type ProvidedResource,
} from './custom-resource-response';

export type { ProvidedResource } from './custom-resource-response';

/** `ResourceProperties` as CloudFormation sends them (ServiceToken included, values as strings). */
export type ResourceProperties = Record<string, unknown>;

/** What a custom resource does; a thrown error becomes a FAILED reply with its message as Reason. */
export interface CustomResourceProvider {
  create(properties: ResourceProperties): Promise<ProvidedResource>;
  /** A different physicalResourceId replaces the resource: CloudFormation then deletes the old one. */
  update(
    physicalResourceId: string,
    properties: ResourceProperties,
    oldProperties: ResourceProperties,
  ): Promise<ProvidedResource>;
  /** Must succeed for an id it does not recognise (a Create that failed has such an id). */
  delete(physicalResourceId: string, properties: ResourceProperties): Promise<void>;
}

export type CustomResourceHandler = (
  event: CloudFormationCustomResourceEvent,
  context: Context,
) => Promise<void>;

/** Time kept before Lambda's deadline to send FAILED: a reply never sent leaves CloudFormation waiting an hour. */
const REPLY_MARGIN_MS = 5_000;

class DeadlineReached extends Error {}

/**
 * The CloudFormation custom-resource contract around a provider: run the
 * request, then PUT exactly one reply to `ResponseURL`, SUCCESS or FAILED
 * with a reason, also when the provider is still running close to the
 * function's deadline. Only a reply that cannot be sent makes it throw.
 */
export function createCustomResourceHandler(
  provider: CustomResourceProvider,
  send = sendResponse,
): CustomResourceHandler {
  return async (event, context) => {
    const where = { requestType: event.RequestType, logicalResourceId: event.LogicalResourceId };
    let response;
    try {
      const budgetMs = context.getRemainingTimeInMillis() - REPLY_MARGIN_MS;
      const resource = await withDeadline(perform(provider, event), budgetMs);
      response = successResponse(event, resource);
      logger.info('Custom resource done', {
        ...where,
        physicalResourceId: resource.physicalResourceId,
      });
    } catch (error) {
      const reason = reasonOf(error, event);
      logger.error('Custom resource failed', { ...where, reason });
      response = failedResponse(event, reason);
    }
    await send(event.ResponseURL, response);
  };
}

async function perform(
  provider: CustomResourceProvider,
  event: CloudFormationCustomResourceEvent,
): Promise<ProvidedResource> {
  switch (event.RequestType) {
    case 'Create':
      return provider.create(event.ResourceProperties);
    case 'Update':
      return provider.update(
        event.PhysicalResourceId,
        event.ResourceProperties,
        event.OldResourceProperties,
      );
    case 'Delete':
      await provider.delete(event.PhysicalResourceId, event.ResourceProperties);
      return { physicalResourceId: event.PhysicalResourceId };
  }
}

function withDeadline<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineReached()), Math.max(budgetMs, 0));
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown, event: CloudFormationCustomResourceEvent): string {
  if (error instanceof DeadlineReached) {
    return `${event.RequestType} of ${event.LogicalResourceId} did not finish before the function's timeout`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  return `${event.RequestType} of ${event.LogicalResourceId} failed: ${name}${message}`;
}
