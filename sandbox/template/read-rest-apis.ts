import { mergeGlobals } from './globals';
import type { CorsSpec, GatewayResponseSpec, RestApiSpec } from './model';
import { IMPLICIT_REST_API } from './read-functions';
import type { ResolveContext } from './resolve';
import {
  getAttTarget,
  isRecord,
  listOrEmpty,
  recordOrEmpty,
  resolveNumber,
  resolveOptionalBoolean,
  resolveOptionalNumber,
  resolveOptionalText,
  resolveText,
  resolveTextList,
} from './template-document';
import type { TemplateResource } from './template-document';

// SAM's stage for the implicit API.
const IMPLICIT_STAGE_NAME = 'Prod';
const DEFAULT_IDENTITY_HEADER = 'Authorization';
/** SAM's default for `Identity.ReauthorizeEvery`; API Gateway allows 0 to 3600. */
const DEFAULT_REAUTHORIZE_EVERY_SECONDS = 300;
const MAX_REAUTHORIZE_EVERY_SECONDS = 3600;

// API Gateway's status for a response type whose template entry sets no StatusCode.
// DEFAULT_4XX and DEFAULT_5XX have none: without one, each reply keeps its own status.
const FALLBACK_TYPES = ['DEFAULT_4XX', 'DEFAULT_5XX'];
const DEFAULT_GATEWAY_STATUS: Record<string, number> = {
  ACCESS_DENIED: 403,
  API_CONFIGURATION_ERROR: 500,
  AUTHORIZER_CONFIGURATION_ERROR: 500,
  AUTHORIZER_FAILURE: 500,
  BAD_REQUEST_BODY: 400,
  BAD_REQUEST_PARAMETERS: 400,
  EXPIRED_TOKEN: 403,
  INTEGRATION_FAILURE: 504,
  INTEGRATION_TIMEOUT: 504,
  INVALID_API_KEY: 403,
  INVALID_SIGNATURE: 403,
  MISSING_AUTHENTICATION_TOKEN: 403,
  QUOTA_EXCEEDED: 429,
  REQUEST_TOO_LARGE: 413,
  RESOURCE_NOT_FOUND: 404,
  THROTTLED: 429,
  UNAUTHORIZED: 401,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WAF_FILTERED: 403,
};

const DEFAULT_RESPONSE_TYPES = new Set(['DEFAULT_4XX', 'DEFAULT_5XX']);

export function readRestApis(
  resources: TemplateResource[],
  apiGlobals: Record<string, unknown>,
  usesImplicitApi: boolean,
  ctx: ResolveContext,
): RestApiSpec[] {
  const apis = resources
    .filter((resource) => resource.type === 'AWS::Serverless::Api')
    .map((resource) =>
      readRestApi(
        resource.logicalId,
        recordOrEmpty(mergeGlobals(apiGlobals, resource.properties)),
        ctx,
      ),
    );
  if (usesImplicitApi) {
    const properties = recordOrEmpty(mergeGlobals(apiGlobals, { StageName: IMPLICIT_STAGE_NAME }));
    apis.push(readRestApi(IMPLICIT_REST_API, properties, ctx));
  }
  return apis;
}

function readRestApi(
  logicalId: string,
  properties: Record<string, unknown>,
  ctx: ResolveContext,
): RestApiSpec {
  const auth = recordOrEmpty(properties.Auth);
  const defaultAuthorizer = resolveOptionalText(
    auth.DefaultAuthorizer,
    ctx,
    `${logicalId}.Auth.DefaultAuthorizer`,
  );
  const cors = readCors(properties.Cors, ctx, `${logicalId}.Cors`);
  const throttling = readThrottling(properties.MethodSettings, ctx, `${logicalId}.MethodSettings`);
  return {
    logicalId,
    stageName: resolveText(properties.StageName, ctx, `${logicalId}.StageName`),
    ...(defaultAuthorizer !== undefined && defaultAuthorizer !== 'NONE' && { defaultAuthorizer }),
    cognitoAuthorizers: readCognitoAuthorizers(
      auth.Authorizers,
      ctx,
      `${logicalId}.Auth.Authorizers`,
    ),
    ...(cors && { cors }),
    gatewayResponses: readGatewayResponses(
      properties.GatewayResponses,
      ctx,
      `${logicalId}.GatewayResponses`,
    ),
    ...(throttling && { throttling }),
  };
}

function readCognitoAuthorizers(
  authorizers: unknown,
  ctx: ResolveContext,
  where: string,
): RestApiSpec['cognitoAuthorizers'] {
  const cognito: RestApiSpec['cognitoAuthorizers'] = {};
  for (const [name, value] of Object.entries(recordOrEmpty(authorizers))) {
    const authorizer = recordOrEmpty(value);
    // Lambda authorizers (FunctionArn) are not Cognito authorizers.
    if (authorizer.UserPoolArn === undefined) continue;
    const arn = Array.isArray(authorizer.UserPoolArn)
      ? authorizer.UserPoolArn[0]
      : authorizer.UserPoolArn;
    const target = getAttTarget(arn);
    if (!target || target[1] !== 'Arn') {
      throw new Error(
        `${where}.${name}.UserPoolArn must be !GetAtt <UserPool>.Arn for the sandbox to verify tokens`,
      );
    }
    const identity = recordOrEmpty(authorizer.Identity);
    const reauthorizeEvery =
      resolveOptionalNumber(
        identity.ReauthorizeEvery,
        ctx,
        `${where}.${name}.Identity.ReauthorizeEvery`,
      ) ?? DEFAULT_REAUTHORIZE_EVERY_SECONDS;
    if (
      !Number.isInteger(reauthorizeEvery) ||
      reauthorizeEvery < 0 ||
      reauthorizeEvery > MAX_REAUTHORIZE_EVERY_SECONDS
    ) {
      throw new Error(
        `${where}.${name}.Identity.ReauthorizeEvery must be a whole number of seconds from 0 to ${MAX_REAUTHORIZE_EVERY_SECONDS}`,
      );
    }
    cognito[name] = {
      userPoolLogicalId: target[0],
      header:
        resolveOptionalText(identity.Header, ctx, `${where}.${name}.Identity.Header`) ??
        DEFAULT_IDENTITY_HEADER,
      reauthorizeEverySeconds: reauthorizeEvery,
      ...(authorizer.AuthorizationScopes !== undefined && {
        authorizationScopes: resolveTextList(
          authorizer.AuthorizationScopes,
          ctx,
          `${where}.${name}.AuthorizationScopes`,
        ),
      }),
    };
  }
  return cognito;
}

// SAM takes CORS values as header mapping expressions: `"'GET,POST'"` is the literal GET,POST.
function unquote(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'")
    ? value.slice(1, -1)
    : value;
}

/** The keys of AWS::Serverless::Api's Cors. */
const CORS_KEYS = ['AllowMethods', 'AllowHeaders', 'AllowOrigin', 'MaxAge', 'AllowCredentials'];

function readCors(cors: unknown, ctx: ResolveContext, where: string): CorsSpec | undefined {
  if (cors === undefined) return undefined;
  if (!isRecord(cors) || 'Fn::Sub' in cors || 'Ref' in cors) {
    return {
      allowOrigin: unquote(resolveText(cors, ctx, where)),
      allowHeaders: '',
      allowMethods: '',
    };
  }
  // SAM refuses any other key at transform time; so does the sandbox, before a deploy would.
  for (const key of Object.keys(cors)) {
    if (!CORS_KEYS.includes(key)) {
      throw new Error(
        `${where}: Invalid key '${key}' for 'Cors' property (SAM accepts ${CORS_KEYS.join(', ')})`,
      );
    }
  }
  const text = (name: string) => {
    const value = resolveOptionalText(cors[name], ctx, `${where}.${name}`);
    return value === undefined ? undefined : unquote(value);
  };
  const maxAge = text('MaxAge');
  const allowCredentials = resolveOptionalBoolean(
    cors.AllowCredentials,
    ctx,
    `${where}.AllowCredentials`,
  );
  return {
    allowOrigin: text('AllowOrigin') ?? '*',
    allowHeaders: text('AllowHeaders') ?? '',
    allowMethods: text('AllowMethods') ?? '',
    ...(maxAge !== undefined && { maxAge }),
    ...(allowCredentials === true && { allowCredentials }),
  };
}

function readGatewayResponses(
  responses: unknown,
  ctx: ResolveContext,
  where: string,
): Record<string, GatewayResponseSpec> {
  const result: Record<string, GatewayResponseSpec> = {};
  for (const [type, value] of Object.entries(recordOrEmpty(responses))) {
    const response = recordOrEmpty(value);
    const at = `${where}.${type}`;
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries(
      recordOrEmpty(recordOrEmpty(response.ResponseParameters).Headers),
    )) {
      headers[name] = resolveText(header, ctx, `${at}.ResponseParameters.Headers.${name}`);
    }
    const template = resolveOptionalText(
      recordOrEmpty(response.ResponseTemplates)['application/json'],
      ctx,
      `${at}.ResponseTemplates`,
    );
    const statusCode =
      response.StatusCode === undefined
        ? DEFAULT_GATEWAY_STATUS[type]
        : resolveNumber(response.StatusCode, ctx, `${at}.StatusCode`);
    if (statusCode === undefined && !FALLBACK_TYPES.includes(type))
      throw new Error(`${at}.StatusCode is required for this response type`);
    // A default response without StatusCode stands for many types, each keeping its own.
    const keepsStatus = response.StatusCode === undefined && DEFAULT_RESPONSE_TYPES.has(type);
    result[type] = {
      ...(!keepsStatus && { statusCode }),
      headers,
      ...(template !== undefined && { template }),
    };
  }
  return result;
}

function readThrottling(
  methodSettings: unknown,
  ctx: ResolveContext,
  where: string,
): RestApiSpec['throttling'] {
  const settings = listOrEmpty(methodSettings).map(recordOrEmpty);
  const stageWide = settings.find(
    (s) => s.ResourcePath === '/*' && s.HttpMethod === '*' && 'ThrottlingRateLimit' in s,
  );
  const setting = stageWide ?? settings.find((s) => 'ThrottlingRateLimit' in s);
  if (!setting) return undefined;
  return {
    rateLimit: resolveNumber(setting.ThrottlingRateLimit, ctx, `${where}.ThrottlingRateLimit`),
    burstLimit:
      setting.ThrottlingBurstLimit === undefined
        ? resolveNumber(setting.ThrottlingRateLimit, ctx, `${where}.ThrottlingRateLimit`)
        : resolveNumber(setting.ThrottlingBurstLimit, ctx, `${where}.ThrottlingBurstLimit`),
  };
}
