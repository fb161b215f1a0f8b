// The local sandbox, step by step: ports → template → services → resources →
// builds → functions → gateways → outputs. Everything comes from template.yaml;
// functions reach the local services only through AWS_ENDPOINT_URL_* variables.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startCognitoLocal } from './cognito/cognito-local';
import { ensureUserPools } from './cognito/user-pools';
import { startDynamoDbLocal } from './dynamodb/dynamodb-local';
import { ensureTables } from './dynamodb/tables';
import { SQSClient } from '@aws-sdk/client-sqs';
import { asyncInvokeTargets } from './lambda-api/async-targets';
import { readEventInvokeConfigs } from './lambda-api/event-invoke-config';
import { startLambdaApi, type LambdaApi } from './lambda-api/server';
import { assertPortFree, freePort } from './ports';
import { startLocalSqs } from './queues/local-sqs';
import { readPlatformApplications } from './push/platform-applications';
import { startLocalPush } from './push/server';
import { startSqsEventSources } from './sqs-events/event-sources';
import { ensureQueues, readQueues } from './queues/queues';
import { createCognitoAuthorizer, type TokenAuthorizer } from './rest-gateway/authorizer';
import { startRestGateway, type RestGateway } from './rest-gateway/server';
import { buildAll, functionDir } from './runtime/build';
import { createFunctionHost, type FunctionHost } from './runtime/function-host';
import { localCredentials } from './runtime/lambda-environment';
import { watchBuilds, type BuildWatcher } from './runtime/watch';
import { createLocalSecrets } from './secrets/local-secrets';
import type { PhysicalResources, SandboxModel } from './template/model';
import { parseTemplate } from './template/parse';
import { planWebSocketGateways } from './websocket-gateway/gateways';
import { webSocketApiResources } from './websocket-gateway/websocket-apis';
import { LOCAL_PSEUDO_PARAMETERS, localArn } from './template/pseudo-parameters';
import { resolveEnvironment, resolveOutputs, type ResolveContext } from './template/resolve';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { localSearchParameters } from './search/search-parameters';
import { localMediaParameters } from './s3/local-parameters';
import { startLocalS3 } from './s3/local-s3';
import { startSearchServer } from './search/search-server';
import { localizeOpenSearchUrls, openSearchDomainResources } from './search/opensearch-domains';
import { readStreamEventSources } from './streams/stream-event-sources';
import { startStreamMappings } from './streams/stream-mappings';

export interface SandboxOptions {
  templatePath: string;
  /** Where builds, logs, outputs.json and (unless inMemory) data go. */
  stateDir: string;
  inMemory: boolean;
  /** 0 picks a free port. */
  ports: {
    api: number;
    dynamodb: number;
    cognito: number;
    lambda: number;
    sqs: number;
    /** The local SNS endpoint for mobile push; defaults to a free port. */
    push?: number;
    /** The first WebSocket API; defaults to a free port. */
    websocket?: number;
    /** The local search endpoint (CloudSearch and OpenSearch); defaults to a free port. */
    search?: number;
    /** The local S3 endpoint; defaults to a free port. */
    s3?: number;
  };
  parameterOverrides: Record<string, string>;
  /** Function logs go to <stateDir>/logs instead of the console. */
  quiet: boolean;
  /** Rebuild functions and layers when their sources change. */
  watch: boolean;
  /** Wait before each retry of a failed asynchronous invocation; Lambda waits 1, then 2 minutes. */
  asyncRetryDelayMs?: number;
  log: (line: string) => void;
}

export interface RunningSandbox {
  model: SandboxModel;
  /** The template's Outputs resolved to local values, plus the local endpoints. */
  outputs: Record<string, string>;
  outputsFile: string;
  endpoints: { dynamodb: string; cognito: string; lambda: string; sqs: string };
  stop(): Promise<void>;
}

const pseudo = LOCAL_PSEUDO_PARAMETERS;
const sdkConfig = {
  region: pseudo.region,
  credentials: {
    accessKeyId: localCredentials.accessKeyId,
    secretAccessKey: localCredentials.secretAccessKey,
  },
};

async function choosePort(port: number, service: string, option: string): Promise<number> {
  if (port === 0) return freePort();
  await assertPortFree(port, service, option);
  return port;
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const stopSteps: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stopSteps.reverse()) await step().catch(() => undefined);
    stopSteps.length = 0;
  };
  try {
    // 1. Ports: fail early and clearly when one is taken.
    const ports = {
      api: await choosePort(options.ports.api, 'REST API', '--port'),
      dynamodb: await choosePort(options.ports.dynamodb, 'DynamoDB Local', '--dynamodb-port'),
      cognito: await choosePort(options.ports.cognito, 'Cognito', '--cognito-port'),
      lambda: await choosePort(options.ports.lambda, 'Lambda API', '--lambda-port'),
      sqs: await choosePort(options.ports.sqs, 'SQS', '--sqs-port'),
      push: await choosePort(options.ports.push ?? 0, 'Push (SNS)', '--push-port'),
      websocket: await choosePort(
        options.ports.websocket ?? 0,
        'WebSocket API',
        '--websocket-port',
      ),
      search: await choosePort(options.ports.search ?? 0, 'Search', '--search-port'),
      s3: await choosePort(options.ports.s3 ?? 0, 'S3', '--s3-port'),
    };

    // 2. The template.
    const model = parseTemplate(options.templatePath, options.parameterOverrides, pseudo);
    // The search domain's endpoint parameters point at the local search endpoint.
    const searchEndpoint = `http://127.0.0.1:${ports.search}`;
    Object.assign(model.parameters, localSearchParameters(model.parameters, searchEndpoint));
    // No CloudFront locally: ready media are served as presigned GETs of the local S3.
    Object.assign(
      model.parameters,
      localMediaParameters(model.parameters, options.parameterOverrides),
    );
    const stateDir = resolve(options.stateDir);
    mkdirSync(stateDir, { recursive: true });
    const dataDir = options.inMemory
      ? mkdtempSync(join(tmpdir(), 'mobile-backend-data-'))
      : join(stateDir, 'data');
    if (options.inMemory)
      stopSteps.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const persistentDataDir = options.inMemory ? undefined : dataDir;

    // 3. Local services.
    const dynamodb = await startDynamoDbLocal({ port: ports.dynamodb, dataDir: persistentDataDir });
    stopSteps.push(() => dynamodb.stop());
    const cognito = await startCognitoLocal({ port: ports.cognito, dataDir });
    stopSteps.push(() => cognito.stop());
    const sqs = await startLocalSqs({ port: ports.sqs, region: pseudo.region });
    stopSteps.push(() => sqs.stop());
    // CloudSearch- and OpenSearch-compatible endpoints (sandbox/search); indices are rebuilt from the stream.
    const search = await startSearchServer({ port: ports.search });
    stopSteps.push(() => search.stop());
    // SNS mobile push: the platform applications are the template parameters that name one.
    const push = await startLocalPush({
      port: ports.push,
      applications: readPlatformApplications(model.parameters),
      log: options.log,
    });
    stopSteps.push(() => push.stop());
    // S3: fauxqs behind a signature-checking front, objects archived unless --in-memory (sandbox/s3).
    const s3 = await startLocalS3({
      port: ports.s3,
      region: pseudo.region,
      credentials: localCredentials,
      dataDir: persistentDataDir,
      log: options.log,
    });
    stopSteps.push(() => s3.stop());

    // 4. What the template declares, created in those services.
    const dynamodbClient = new DynamoDBClient({ ...sdkConfig, endpoint: dynamodb.endpoint });
    const cognitoClient = new CognitoIdentityProviderClient({
      ...sdkConfig,
      endpoint: cognito.endpoint,
    });
    const sqsClient = new SQSClient({ ...sdkConfig, endpoint: sqs.endpoint });
    const secrets = createLocalSecrets({
      secrets: model.secrets,
      pseudo,
      dataDir: persistentDataDir,
    });
    const lambdaEndpoint = `http://127.0.0.1:${ports.lambda}`;
    const resources: PhysicalResources = {
      ...(await ensureTables(dynamodbClient, model.tables, pseudo)),
      ...(await ensureUserPools(cognitoClient, model.userPools, pseudo)),
      ...secrets.resources,
      ...functionResources(model),
      ...layerResources(model),
      ...restApiResources(model),
      ...webSocketApiResources(model),
      ...openSearchDomainResources(model, search.endpoint, pseudo),
    };
    const ctx: ResolveContext = {
      parameters: model.parameters,
      resources,
      pseudo,
      secrets: secrets.lookup,
      conditions: model.conditions,
      mappings: model.mappings,
    };
    Object.assign(resources, await ensureQueues(sqsClient, readQueues(model), ctx));
    Object.assign(resources, await s3.ensureBuckets(model, ctx));
    // WebSocket APIs: local URLs now (function environments name them), gateways in step 7.
    const webSocketApis = await planWebSocketGateways(model, ctx, ports.websocket);

    // 5. Builds: the same esbuild bundles `sam build` deploys, rebuilt on change.
    const buildDir = join(stateDir, 'build');
    await buildAll(model, buildDir);
    const hosts = new Map<string, FunctionHost>();
    let watcher: BuildWatcher | undefined;
    if (options.watch) {
      watcher = await watchBuilds({
        functions: model.functions,
        layers: model.layers,
        outDir: buildDir,
        onRebuilt: (ids) => {
          for (const id of ids) hosts.get(id)?.retire();
          options.log(`Rebuilt ${ids.join(', ')}: the next invocation starts a fresh environment.`);
        },
        log: options.log,
      });
      const closeWatcher = watcher;
      stopSteps.push(() => closeWatcher.close());
    }

    // 6. Functions, each in its own execution environments.
    const endpointVariables = {
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambdaEndpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_CLOUDSEARCH_DOMAIN: search.endpoint,
      AWS_ENDPOINT_URL_SNS: push.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      // Nothing local collects X-Ray segments.
      POWERTOOLS_TRACE_ENABLED: 'false',
    };
    const logFile = options.quiet ? join(stateDir, 'logs', 'functions.log') : undefined;
    if (logFile) mkdirSync(join(stateDir, 'logs'), { recursive: true });
    for (const fn of model.functions) {
      const host = createFunctionHost({
        fn,
        codeDir: functionDir(buildDir, fn.logicalId),
        environment: localizeOpenSearchUrls(
          webSocketApis.localize({ ...resolveEnvironment(fn, ctx), ...endpointVariables }),
          search.endpoint,
        ),
        functionName: fn.logicalId,
        region: pseudo.region,
        accountId: pseudo.accountId,
        logFile,
        beforeInvoke: watcher ? () => (watcher as BuildWatcher).settled() : undefined,
      });
      hosts.set(fn.logicalId, host);
      stopSteps.push(() => host.close());
    }

    // 7. Gateways: the Lambda Invoke API and each REST API.
    const lambdaApi: LambdaApi = await startLambdaApi({
      port: ports.lambda,
      functions: asyncInvokeTargets({
        hosts,
        configs: readEventInvokeConfigs(model, ctx),
        resources,
        sqs: sqsClient,
        log: options.log,
      }),
      ...(options.asyncRetryDelayMs !== undefined && {
        retryDelaysMs: [options.asyncRetryDelayMs, options.asyncRetryDelayMs],
      }),
      region: pseudo.region,
      accountId: pseudo.accountId,
      log: options.quiet ? () => undefined : options.log,
    });
    stopSteps.push(() => lambdaApi.close());
    // ... S3 event notifications, delivered as asynchronous invocations through it.
    s3.deliverEvents({ model, lambdaEndpoint, accountId: pseudo.accountId });
    const gateways = new Map<string, RestGateway>();
    for (const [index, api] of model.restApis.entries()) {
      const gateway = await startRestGateway({
        port: index === 0 ? ports.api : 0,
        api,
        functions: model.functions,
        invoke: (id, event) => {
          const host = hosts.get(id);
          if (!host) throw new Error(`No function ${id}`);
          return host.invoke(event, { requestId: event.requestContext.requestId });
        },
        authorizers: authorizersOf(api.cognitoAuthorizers, model, resources),
        accountId: pseudo.accountId,
        log: options.quiet ? () => undefined : options.log,
      });
      gateways.set(api.logicalId, gateway);
      stopSteps.push(() => gateway.close());
    }
    // ... and each WebSocket API (sandbox/websocket-gateway).
    stopSteps.push(
      await webSocketApis.start({ hosts, log: options.quiet ? () => undefined : options.log }),
    );
    // ... and the SQS event source mappings, which poll the local queues (sandbox/sqs-events).
    const sqsEventSources = await startSqsEventSources({
      model,
      resources,
      ctx,
      client: sqsClient,
      hosts,
      region: pseudo.region,
      log: options.log,
    });
    stopSteps.push(() => sqsEventSources.close());
    // ... and the DynamoDB stream event source mappings, which poll the tables' streams (sandbox/streams).
    const streamMappings = await startStreamMappings({
      sources: readStreamEventSources(model, ctx),
      resources,
      hosts,
      streams: new DynamoDBStreamsClient({ ...sdkConfig, endpoint: dynamodb.endpoint }),
      sqs: sqsClient,
      region: pseudo.region,
      log: options.log,
    });
    stopSteps.push(() => streamMappings.stop());

    // 8. Outputs, where scripts and apps find them after `sam deploy`.
    const outputs = localizeOpenSearchUrls(
      webSocketApis.localize(
        localizeApiUrls(resolveOutputs(model, ctx), model, resources, gateways),
      ),
      search.endpoint,
    );
    outputs.CognitoEndpoint = cognito.endpoint;
    outputs.DynamoDbEndpoint = dynamodb.endpoint;
    outputs.LambdaEndpoint = lambdaEndpoint;
    outputs.SqsEndpoint = sqs.endpoint;
    outputs.SearchEndpoint = search.endpoint;
    outputs.SnsEndpoint = push.endpoint;
    outputs.PushOutboxUrl = push.outboxUrl;
    outputs.S3Endpoint = s3.endpoint;
    const outputsFile = join(stateDir, 'outputs.json');
    rmSync(outputsFile, { force: true });
    stopSteps.push(async () => rmSync(outputsFile, { force: true }));

    const sandbox: RunningSandbox = {
      model,
      outputs,
      outputsFile,
      endpoints: {
        dynamodb: dynamodb.endpoint,
        cognito: cognito.endpoint,
        lambda: lambdaEndpoint,
        sqs: sqs.endpoint,
      },
      stop,
    };
    return sandbox;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Written last and atomically: its presence means the sandbox is ready. */
export function writeOutputs(sandbox: RunningSandbox): void {
  const partial = `${sandbox.outputsFile}.partial`;
  writeFileSync(partial, `${JSON.stringify(sandbox.outputs, null, 2)}\n`);
  renameSync(partial, sandbox.outputsFile);
}

function functionResources(model: SandboxModel): PhysicalResources {
  return Object.fromEntries(
    model.functions.map((fn) => [
      fn.logicalId,
      {
        ref: fn.logicalId,
        attributes: { Arn: localArn(pseudo, 'lambda', `function:${fn.logicalId}`) },
      },
    ]),
  );
}

function layerResources(model: SandboxModel): PhysicalResources {
  return Object.fromEntries(
    model.layers.map((layer) => [
      layer.logicalId,
      { ref: localArn(pseudo, 'lambda', `layer:${layer.logicalId}:1`), attributes: {} },
    ]),
  );
}

function restApiResources(model: SandboxModel): PhysicalResources {
  return Object.fromEntries(
    model.restApis.map((api) => [
      api.logicalId,
      { ref: localApiId(api.logicalId), attributes: { RootResourceId: 'root' } },
    ]),
  );
}

function localApiId(logicalId: string): string {
  return `local${logicalId.toLowerCase()}`;
}

/**
 * An output such as `https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${StageName}`
 * points at the local gateway instead.
 */
function localizeApiUrls(
  outputs: Record<string, string>,
  model: SandboxModel,
  resources: PhysicalResources,
  gateways: Map<string, RestGateway>,
): Record<string, string> {
  const localized = { ...outputs };
  for (const api of model.restApis) {
    const gateway = gateways.get(api.logicalId);
    const apiId = resources[api.logicalId]?.ref;
    if (!gateway || !apiId) continue;
    const deployed = `https://${apiId}.execute-api.${pseudo.region}.${pseudo.urlSuffix}/${api.stageName}`;
    for (const [name, value] of Object.entries(localized)) {
      localized[name] = value.split(deployed).join(gateway.url);
    }
  }
  return localized;
}

function authorizersOf(
  cognitoAuthorizers: SandboxModel['restApis'][number]['cognitoAuthorizers'],
  model: SandboxModel,
  resources: PhysicalResources,
): Record<string, TokenAuthorizer> {
  const authorizers: Record<string, TokenAuthorizer> = {};
  for (const [name, authorizer] of Object.entries(cognitoAuthorizers)) {
    const pool = model.userPools.find((p) => p.logicalId === authorizer.userPoolLogicalId);
    const issuer = resources[authorizer.userPoolLogicalId]?.attributes.ProviderURL;
    if (!pool || !issuer)
      throw new Error(`Authorizer ${name}: no user pool ${authorizer.userPoolLogicalId}`);
    authorizers[name] = createCognitoAuthorizer({
      header: authorizer.header,
      issuer,
      clientIds: pool.clients.map((client) => resources[client.logicalId]?.ref ?? ''),
      reauthorizeEverySeconds: authorizer.reauthorizeEverySeconds,
    });
  }
  return authorizers;
}
