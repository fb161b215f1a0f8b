// Replies API Gateway produces itself (no integration involved), rendered
// from the template's GatewayResponses, else from API Gateway's defaults.
import type { RestApiSpec } from '../template/model';
import type { HttpReply } from './response';

/**
 * DEFAULT_5XX stands for the 502 of a failed or malformed Lambda proxy
 * result, which has no response type of its own and takes DEFAULT_5XX.
 */
export type GatewayResponseType =
  | 'UNAUTHORIZED'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'REQUEST_TOO_LARGE'
  | 'THROTTLED'
  | 'DEFAULT_5XX'
  | 'INVALID_SIGNATURE'
  | 'EXPIRED_TOKEN'
  | 'ACCESS_DENIED';

const defaults: Record<
  GatewayResponseType,
  { statusCode: number; errorType: string; message: string }
> = {
  UNAUTHORIZED: { statusCode: 401, errorType: 'UnauthorizedException', message: 'Unauthorized' },
  MISSING_AUTHENTICATION_TOKEN: {
    statusCode: 403,
    errorType: 'MissingAuthenticationTokenException',
    message: 'Missing Authentication Token',
  },
  REQUEST_TOO_LARGE: {
    statusCode: 413,
    errorType: 'RequestTooLargeException',
    message: 'Request Too Long',
  },
  THROTTLED: {
    statusCode: 429,
    errorType: 'TooManyRequestsException',
    message: 'Too Many Requests',
  },
  DEFAULT_5XX: {
    statusCode: 502,
    errorType: 'InternalServerErrorException',
    message: 'Internal server error',
  },
  // AWS_IAM methods (iam-authorization.ts).
  INVALID_SIGNATURE: {
    statusCode: 403,
    errorType: 'InvalidSignatureException',
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  },
  EXPIRED_TOKEN: {
    statusCode: 403,
    errorType: 'ExpiredTokenException',
    message: 'The security token included in the request is expired',
  },
  ACCESS_DENIED: {
    statusCode: 403,
    errorType: 'AccessDeniedException',
    message: 'User is not authorized to access this resource',
  },
};

export interface GatewayResponseContext {
  requestId: string;
  /** API Gateway's message for this very request, when it names more than the type's default. */
  message?: string;
}

function contextVariables(
  type: GatewayResponseType,
  context: GatewayResponseContext,
): Record<string, string> {
  const message = context.message ?? defaults[type].message;
  return {
    requestId: context.requestId,
    'error.message': message,
    'error.messageString': JSON.stringify(message),
    'error.responseType': type,
  };
}

/** `'literal'` → literal; `context.x` → the context variable; anything else is not emulated. */
function headerValue(expression: string, variables: Record<string, string>): string | undefined {
  const literal = /^'(.*)'$/s.exec(expression);
  if (literal) return literal[1];
  if (expression.startsWith('context.')) return variables[expression.slice('context.'.length)];
  return undefined;
}

function renderTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(
    /\$context\.([\w.]+)/g,
    (whole, name: string) => variables[name] ?? whole,
  );
}

export function renderGatewayResponse(
  api: RestApiSpec,
  type: GatewayResponseType,
  context: GatewayResponseContext,
): HttpReply {
  const fallback = defaults[type];
  const variables = contextVariables(type, context);
  const spec =
    api.gatewayResponses[type] ??
    api.gatewayResponses[fallback.statusCode >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX'];
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': fallback.errorType,
  };
  for (const [name, expression] of Object.entries(spec?.headers ?? {})) {
    const value = headerValue(expression, variables);
    if (value !== undefined) headers[name] = value;
  }
  const body = spec?.template
    ? renderTemplate(spec.template, variables)
    : JSON.stringify({ message: variables['error.message'] });
  return { statusCode: spec?.statusCode ?? fallback.statusCode, headers, body: Buffer.from(body) };
}
