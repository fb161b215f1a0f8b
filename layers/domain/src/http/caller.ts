import * as z from 'zod';
import { UnauthorizedError } from '../errors';

/** The authenticated user making the request, as the gateway's Cognito authorizer saw them. */
export interface Caller {
  userId: string;
  email: string | null;
  groups: string[];
}

const AuthorizedEvent = z.object({
  requestContext: z.object({
    authorizer: z.object({
      claims: z.object({
        sub: z.string().min(1),
        email: z.string().optional(),
        'cognito:groups': z.union([z.string(), z.array(z.string())]).optional(),
      }),
    }),
  }),
});

// A REST API authorizer flattens list claims into one string, e.g. "providers" or "[a, b]".
function groupsOf(claim: string | string[] | undefined): string[] {
  if (claim === undefined) return [];
  const values = Array.isArray(claim) ? claim : claim.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  return values.map((value) => value.trim()).filter((value) => value !== '');
}

/** The caller of an API Gateway (REST, Cognito authorizer) event; 401 if the claims are missing. */
export function callerOf(event: unknown): Caller {
  const parsed = AuthorizedEvent.safeParse(event);
  if (!parsed.success) throw new UnauthorizedError('A valid bearer token is required.');
  const { claims } = parsed.data.requestContext.authorizer;
  return {
    userId: claims.sub,
    email: claims.email ?? null,
    groups: groupsOf(claims['cognito:groups']),
  };
}

/**
 * A caller the gateway let in with SigV4 (AWS_IAM) credentials of the identity
 * pool: a guest, or a signed-in user on a guest route. Either way the route
 * serves public data only, so it needs no more than the identity.
 */
export interface Guest {
  /** The identity pool's identity id, e.g. `us-east-1:0f1e…`; never a user's id. */
  identityId: string;
}

const IamAuthorizedEvent = z.object({
  requestContext: z.object({
    identity: z.object({ cognitoIdentityId: z.string().min(1) }),
  }),
});

/** The identity of an AWS_IAM-authorized event; 401 if the gateway passed none. */
export function guestOf(event: unknown): Guest {
  const parsed = IamAuthorizedEvent.safeParse(event);
  if (!parsed.success) {
    throw new UnauthorizedError('A request signed with identity pool credentials is required.');
  }
  return { identityId: parsed.data.requestContext.identity.cognitoIdentityId };
}

/**
 * Whether the gateway let the request in with SigV4 (AWS_IAM, identity-pool
 * credentials): it then carries an identity and no user's claims.
 */
export function isSignedByIdentity(event: unknown): boolean {
  const { requestContext } = event as { requestContext?: { authorizer?: { claims?: unknown } } };
  return (
    requestContext?.authorizer?.claims === undefined && IamAuthorizedEvent.safeParse(event).success
  );
}

const EventWithRequestId = z.object({ requestContext: z.object({ requestId: z.string() }) });

/** The API Gateway request id of an event, `unknown` if it has none. */
export function requestIdOf(event: unknown): string {
  const parsed = EventWithRequestId.safeParse(event);
  return parsed.success ? parsed.data.requestContext.requestId : 'unknown';
}
