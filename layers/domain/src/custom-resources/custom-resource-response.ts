import type {
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceResponse,
} from 'aws-lambda';

/** What a provider gives back for Create and Update: `!Ref` is the id, `!GetAtt` reads `data`. */
export interface ProvidedResource {
  physicalResourceId: string;
  data?: Record<string, string>;
}

// CloudFormation refuses a response body of 4 KB or more; a long error message must not cause that.
const MAX_REASON_CHARS = 1000;

export function successResponse(
  event: CloudFormationCustomResourceEvent,
  resource: ProvidedResource,
): CloudFormationCustomResourceResponse {
  return {
    Status: 'SUCCESS',
    PhysicalResourceId: resource.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    NoEcho: false,
    Data: resource.data ?? {},
  };
}

/**
 * A FAILED reply keeps the resource's id; a failed Create has none yet, so it
 * gets one that no provider takes for its own, and the Delete CloudFormation
 * sends for it during the rollback succeeds without touching anything.
 */
export function failedResponse(
  event: CloudFormationCustomResourceEvent,
  reason: string,
): CloudFormationCustomResourceResponse {
  return {
    Status: 'FAILED',
    Reason: reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason,
    PhysicalResourceId:
      event.RequestType === 'Create'
        ? failedCreateId(event.LogicalResourceId, event.RequestId)
        : event.PhysicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    NoEcho: false,
    Data: {},
  };
}

export function failedCreateId(logicalResourceId: string, requestId: string): string {
  return `${logicalResourceId}-create-failed-${requestId}`;
}

/**
 * PUT of the JSON response to the pre-signed S3 URL. The URL is signed with
 * no content type, so the request must carry an empty one (fetch would
 * otherwise send text/plain, and S3 would refuse the signature).
 */
export async function sendResponse(
  responseUrl: string,
  response: CloudFormationCustomResourceResponse,
): Promise<void> {
  const reply = await fetch(responseUrl, {
    method: 'PUT',
    headers: { 'Content-Type': '' },
    body: Buffer.from(JSON.stringify(response)),
  }).catch((error: unknown) => {
    // Thrown, so that Lambda retries the asynchronous invocation.
    throw new Error(`CloudFormation's response URL could not be reached: ${String(error)}`);
  });
  if (!reply.ok) {
    throw new Error(`CloudFormation's response URL answered ${reply.status} ${reply.statusText}`);
  }
}
