// `npm start`: the whole template on this machine. See README.md, "What runs locally".
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoUser, seedDemoUser } from './demo-user';
import { startSandbox, writeOutputs, type RunningSandbox } from './start-sandbox';

const usage = `Usage: npm start -- [options]

  --port N                  REST API port (default 3000; 0 picks a free one)
  --dynamodb-port N         DynamoDB Local port (default 8000)
  --cognito-port N          Cognito port (default 9229)
  --lambda-port N           Lambda Invoke API port (default 3001)
  --sqs-port N              SQS port (default 4566)
  --push-port N             SNS mobile push endpoint and outbox port (default 4575)
  --websocket-port N        WebSocket API port (default 3002)
  --search-port N           OpenSearch- and CloudSearch-compatible search endpoint port (default 4571)
  --s3-port N               S3 endpoint port (default 4569)
  --in-memory               keep no data between runs
  --state-dir DIR           builds, logs, outputs.json and data (default .sandbox)
  --parameter-overrides K=V template parameter values (repeatable)
  --template FILE           the SAM template (default template.yaml)
  --quiet                   function logs to <state-dir>/logs instead of the console
  --no-watch                do not rebuild on source changes
  --async-retry-delay-ms N  wait before retrying a failed asynchronous invocation
                            (default: 1 minute, then 2, as Lambda does)
  --help`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      'dynamodb-port': { type: 'string', default: '8000' },
      'cognito-port': { type: 'string', default: '9229' },
      'lambda-port': { type: 'string', default: '3001' },
      'sqs-port': { type: 'string', default: '4566' },
      'push-port': { type: 'string', default: '4575' },
      'websocket-port': { type: 'string', default: '3002' },
      'search-port': { type: 'string', default: '4571' },
      's3-port': { type: 'string', default: '4569' },
      'in-memory': { type: 'boolean', default: false },
      'state-dir': { type: 'string', default: '.sandbox' },
      'parameter-overrides': { type: 'string', multiple: true, default: [] },
      template: { type: 'string', default: 'template.yaml' },
      quiet: { type: 'boolean', default: false },
      'no-watch': { type: 'boolean', default: false },
      'async-retry-delay-ms': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const port = (name: string, value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
      throw new Error(`--${name} must be a port number, got "${value}"`);
    }
    return parsed;
  };
  const milliseconds = (name: string, value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) {
      throw new Error(`--${name} must be a whole number of milliseconds, got "${value}"`);
    }
    return parsed;
  };
  const parameterOverrides: Record<string, string> = {};
  for (const pair of values['parameter-overrides'].flatMap((value) => value.split(/\s+/))) {
    const [key, ...rest] = pair.split('=');
    if (!key || rest.length === 0)
      throw new Error(`--parameter-overrides expects KEY=VALUE, got "${pair}"`);
    parameterOverrides[key] = rest.join('=');
  }
  return {
    templatePath: resolve(values.template),
    stateDir: resolve(values['state-dir']),
    inMemory: values['in-memory'],
    ports: {
      api: port('port', values.port),
      dynamodb: port('dynamodb-port', values['dynamodb-port']),
      cognito: port('cognito-port', values['cognito-port']),
      lambda: port('lambda-port', values['lambda-port']),
      sqs: port('sqs-port', values['sqs-port']),
      push: port('push-port', values['push-port']),
      websocket: port('websocket-port', values['websocket-port']),
      search: port('search-port', values['search-port']),
      s3: port('s3-port', values['s3-port']),
    },
    parameterOverrides,
    quiet: values.quiet,
    watch: !values['no-watch'],
    ...(values['async-retry-delay-ms'] !== undefined && {
      asyncRetryDelayMs: milliseconds('async-retry-delay-ms', values['async-retry-delay-ms']),
    }),
    log: (line: string) => console.log(line),
  };
}

function printWelcome(sandbox: RunningSandbox, idToken: string): void {
  const { ApiUrl, WebSocketUrl, PushOutboxUrl, UserPoolId, UserPoolClientId, CognitoEndpoint } =
    sandbox.outputs;
  const extras = [
    WebSocketUrl && `WebSocket ${WebSocketUrl}?token=<ID token>`,
    PushOutboxUrl && `Push outbox ${PushOutboxUrl}`,
  ].filter(Boolean);
  console.log(`
Demo user   ${demoUser.email} / ${demoUser.password}
ID token    ${idToken}

Try it:
  curl -H "Authorization: Bearer ${idToken}" ${ApiUrl}/v1/me

User pool ${UserPoolId}, app client ${UserPoolClientId}, Cognito ${CognitoEndpoint}
${extras.join('\n')}
Outputs in ${sandbox.outputsFile}. Ctrl-C stops everything.

Sandbox ready: REST API ${ApiUrl}${WebSocketUrl ? ` · WebSocket ${WebSocketUrl}` : ''} · Lambda ${sandbox.endpoints.lambda} · DynamoDB ${sandbox.endpoints.dynamodb} · SQS ${sandbox.endpoints.sqs} · Cognito ${CognitoEndpoint}`);
}

/**
 * SDK v3 warns about a Node older than 22 once per copy of its core package,
 * and the sandbox loads several: one line from the sandbox says it instead.
 */
function noteNodeVersionOnce(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22 && process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED !== 'true') {
    console.log(
      `Note: Node ${process.version} here. AWS SDK v3 releases after the first week of January 2027 need Node 22 or later; the functions run on nodejs24.x in Lambda.`,
    );
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

async function main(): Promise<void> {
  const options = parseOptions();
  noteNodeVersionOnce();
  console.log(`Starting the sandbox for ${options.templatePath} ...`);
  const sandbox = await startSandbox(options);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox ...`);
    void sandbox.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  const idToken = await seedDemoUser(sandbox.outputs);
  writeOutputs(sandbox);
  printWelcome(sandbox, idToken);
}

main().catch((error: unknown) => {
  console.error(
    `\nThe sandbox could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
