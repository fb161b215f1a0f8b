// What the sandbox needs to know about template.yaml, in the terms the
// sandbox works with. Parsed once from the template (sandbox/template/parse.ts);
// intrinsic functions stay unresolved (`Intrinsic`) until the local services
// exist and physical ids are known (sandbox/template/resolve.ts).

/** A template value that may still hold `Ref`, `Fn::GetAtt`, `Fn::Sub`, ... */
export type Intrinsic = unknown;

export interface TableSpec {
  logicalId: string;
  /** Local physical name, e.g. `AppTable` (DynamoDB Local is ours alone). */
  tableName: string;
  attributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  keySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  globalSecondaryIndexes: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
  }[];
  localSecondaryIndexes?: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
  }[];
  streamViewType?: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
  ttlAttribute?: string;
}

export interface SecretSpec {
  logicalId: string;
  /** The secret's `Name`, when the template sets one. */
  name?: string;
  /** A fixed `SecretString`, used instead of a generated value. */
  secretString?: string;
  /** From `GenerateSecretString`. */
  passwordLength?: number;
  excludePunctuation?: boolean;
  excludeCharacters?: string;
  /** JSON secret: the generated password goes under `generateStringKey` of this template. */
  secretStringTemplate?: string;
  generateStringKey?: string;
}

export type TokenValidityUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export interface UserPoolClientSpec {
  logicalId: string;
  clientName: string;
  explicitAuthFlows: string[];
  accessTokenValidity?: number;
  idTokenValidity?: number;
  refreshTokenValidity?: number;
  tokenValidityUnits?: {
    AccessToken?: TokenValidityUnit;
    IdToken?: TokenValidityUnit;
    RefreshToken?: TokenValidityUnit;
  };
  /** Hosted sign-in: the OAuth grants (`code`), scopes and redirect URIs the client allows. */
  oauth?: {
    flows: string[];
    scopes: string[];
    callbackUrls: string[];
    logoutUrls: string[];
    /** `COGNITO` and the names of the identity providers the client offers. */
    identityProviders: string[];
  };
}

export interface UserPoolSpec {
  logicalId: string;
  poolName: string;
  usernameAttributes: string[];
  /** Attributes Cognito verifies with a code at sign-up (`email`: the code is emailed). */
  autoVerifiedAttributes: string[];
  /** Schema attributes with `Required: true`: sign-up and AdminCreateUser must give them. */
  requiredAttributes: string[];
  passwordPolicy: {
    MinimumLength?: number;
    RequireLowercase?: boolean;
    RequireUppercase?: boolean;
    RequireNumbers?: boolean;
    RequireSymbols?: boolean;
  };
  /** `OFF`, `OPTIONAL` or `ON`. */
  mfaConfiguration: string;
  /** `SOFTWARE_TOKEN_MFA`, `SMS_MFA`. */
  enabledMfas: string[];
  clients: UserPoolClientSpec[];
  groups: { logicalId: string; groupName: string; description?: string }[];
}

export interface ApiEventSpec {
  /** Event name in the function's `Events` map. */
  name: string;
  restApiLogicalId: string;
  /** As written in the template, e.g. `/v1/items/{id}` or `/{proxy+}`. */
  path: string;
  /** Upper case; `ANY` matches every method. */
  method: string;
  /** `NONE` when the event opts out of the default authorizer. */
  authorizer?: string;
  /** `Auth.AuthorizationScopes`: the method then wants an access token with one of them. */
  authorizationScopes?: string[];
}

export interface FunctionSpec {
  logicalId: string;
  /** Absolute path of the function's `CodeUri`. */
  codeUri: string;
  /** `file.export`, as in the template. */
  handler: string;
  runtime: string;
  timeoutSeconds: number;
  memorySizeMb: number;
  /** Global and function variables merged, still unresolved. */
  environment: Record<string, Intrinsic>;
  /** Logical ids of the layers (from `Layers: [!Ref X]`). */
  layers: string[];
  /** `Metadata.BuildProperties` of an esbuild-built function. */
  buildProperties: {
    Format?: 'esm' | 'cjs';
    Platform?: string;
    Target?: string;
    OutExtension?: string[];
    EntryPoints?: string[];
    External?: string[];
    Sourcemap?: boolean;
    Minify?: boolean;
    Banner?: string[];
  };
  apiEvents: ApiEventSpec[];
  /**
   * The function's properties with Globals merged, unresolved: event sources
   * other than Api (streams, queues, buckets) and EventInvokeConfig are read
   * from here by the sandbox piece that emulates them.
   */
  properties: Record<string, unknown>;
}

export interface LayerSpec {
  logicalId: string;
  /** Absolute path of the layer's `ContentUri`. */
  contentUri: string;
}

/** Values without SAM's surrounding quotes; `allowHeaders`/`allowMethods` are empty when not set. */
export interface CorsSpec {
  allowOrigin: string;
  allowHeaders: string;
  allowMethods: string;
  maxAge?: string;
  allowCredentials?: boolean;
}

export interface GatewayResponseSpec {
  /** Absent only for DEFAULT_4XX and DEFAULT_5XX: each reply keeps its own status then. */
  statusCode?: number;
  /** Header name → value, as API Gateway mapping expressions (`'literal'` or `context.requestId`). */
  headers: Record<string, string>;
  /** Body template, with `$context.*` variables. */
  template?: string;
}

export interface CognitoAuthorizerSpec {
  userPoolLogicalId: string;
  /** Header that carries the token (`Identity.Header`). */
  header: string;
  /** How long a verdict is cached per token (`Identity.ReauthorizeEvery`); 0 turns caching off. */
  reauthorizeEverySeconds: number;
  /** Scopes of every method it guards that names none of its own (`AuthorizationScopes`). */
  authorizationScopes?: string[];
}

export interface RestApiSpec {
  logicalId: string;
  stageName: string;
  /** Name of the default authorizer, or undefined for none. */
  defaultAuthorizer?: string;
  /** Cognito authorizers by name. */
  cognitoAuthorizers: Record<string, CognitoAuthorizerSpec>;
  cors?: CorsSpec;
  /** Keyed by API Gateway response type (UNAUTHORIZED, THROTTLED, ...). */
  gatewayResponses: Record<string, GatewayResponseSpec>;
  throttling?: { rateLimit: number; burstLimit: number };
}

export interface StateMachineSpec {
  logicalId: string;
  type: 'STANDARD' | 'EXPRESS';
  /** The Amazon States Language document, `${...}` placeholders not yet substituted. */
  definition: unknown;
  /** DefinitionSubstitutions, unresolved (they name resources). */
  substitutions: Record<string, Intrinsic>;
}

export interface SandboxModel {
  /** Parameter values: the defaults, overridden by what the user passed. */
  parameters: Record<string, string>;
  tables: TableSpec[];
  userPools: UserPoolSpec[];
  secrets: SecretSpec[];
  layers: LayerSpec[];
  functions: FunctionSpec[];
  restApis: RestApiSpec[];
  stateMachines: StateMachineSpec[];
  /**
   * Every resource whose Condition holds, unresolved, for the sandbox pieces
   * that emulate a resource type (queues, buckets, WebSocket APIs, ...).
   */
  resources: {
    logicalId: string;
    type: string;
    properties: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }[];
  /** Output name → unresolved value. */
  outputs: Record<string, Intrinsic>;
  /** The template's `Conditions` (unresolved), for `Fn::If` at resolve time. */
  conditions?: Record<string, Intrinsic>;
  /** The template's `Mappings`, for `Fn::FindInMap`. */
  mappings?: Record<string, Record<string, Record<string, unknown>>>;
}

/**
 * Physical identity of each resource once it exists locally:
 * what `!Ref` gives and what `!GetAtt X.Attr` gives.
 */
export type PhysicalResources = Record<string, { ref: string; attributes: Record<string, string> }>;
