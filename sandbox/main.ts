// `npm start`: the whole template on this machine. See README.md, "What runs locally".
// DynamoDB Local's JVM is the slowest thing a start waits for: it is spawned
// first, from the command line alone, and everything else (the template, the
// services, the SDK) is loaded while it boots. Static imports stay light here.
import { parseCommandLine } from './cli';
import { keepCompiledModules } from './compile-cache';
import type { DemoSignIn, demoUser } from './demo-user';
import { spawnDynamoDbLocalEarly, type EarlyDynamoDbLocal } from './dynamodb/early-start';
import { keptLauncherDir, persistentDataDir } from './services/directories';
import { SANDBOX_SERVICES } from './services/table';
import type { RunningSandbox } from './start-sandbox';

function parseOptions() {
  const parsed = parseCommandLine(process.argv.slice(2), SANDBOX_SERVICES);
  if (parsed.help) {
    console.log(parsed.usage);
    process.exit(0);
  }
  return { ...parsed.options, log: (line: string) => console.log(line) };
}

function printWelcome(sandbox: RunningSandbox, signedIn: DemoSignIn, demo: typeof demoUser): void {
  const { ApiUrl, WebSocketUrl, PushOutboxUrl, UserPoolId, UserPoolClientId, CognitoEndpoint } =
    sandbox.outputs;
  const { ApiReferenceUrl, OpenApiUrl, DemoAppUrl } = sandbox.outputs;
  const extras = [
    DemoAppUrl && `Demo app ${DemoAppUrl} (sign up, items, photos, search, live messages)`,
    WebSocketUrl && `WebSocket ${WebSocketUrl}?token=<ID token>`,
    PushOutboxUrl && `Push outbox ${PushOutboxUrl}`,
    ApiReferenceUrl && `API reference ${ApiReferenceUrl} (document ${OpenApiUrl})`,
  ].filter(Boolean);
  console.log(`
Demo user   ${demo.email} / ${demo.password}
${tryIt(signedIn, ApiUrl)}

User pool ${UserPoolId}, app client ${UserPoolClientId}, Cognito ${CognitoEndpoint}
${extras.join('\n')}
Outputs in ${sandbox.outputsFile}. Ctrl-C stops everything.

${readyLine(sandbox)}`);
}

/** The demo user's ID token and a request with it, or the challenge its sign-in asks first. */
function tryIt(signedIn: DemoSignIn, apiUrl: string | undefined): string {
  if ('challenge' in signedIn)
    return `ID token    none yet: its sign-in answers ${signedIn.challenge} first (MfaMode)`;
  return `ID token    ${signedIn.idToken}

Try it:
  curl -H "Authorization: Bearer ${signedIn.idToken}" ${apiUrl}/v1/me`;
}

/** One line with the start-up time (since this process began), every endpoint and the functions' Node. */
function readyLine(sandbox: RunningSandbox): string {
  const seconds = (performance.now() / 1000).toFixed(1);
  const { ApiUrl, WebSocketUrl } = sandbox.outputs;
  const services = Object.entries(sandbox.endpoints)
    .filter(([, url]) => url !== ApiUrl && url !== WebSocketUrl)
    .map(([name, url]) => `${name} ${url}`);
  const runtimes = [...new Set(sandbox.model.functions.map((fn) => fn.runtime))];
  const endpoints = [
    `REST API ${ApiUrl}`,
    WebSocketUrl && `WebSocket ${WebSocketUrl}`,
    ...services,
  ];
  return `Sandbox ready in ${seconds} s: ${endpoints.filter(Boolean).join(' · ')}
Functions run on Node ${process.version} (${runtimes.join(', ')} in Lambda).`;
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

/** Spawned before anything else loads; abandoned (stopped) when the start fails before its row adopts it. */
let earlyDynamoDbLocal: EarlyDynamoDbLocal | undefined;

async function main(): Promise<void> {
  const options = parseOptions();
  keepCompiledModules(options.stateDir);
  earlyDynamoDbLocal = await spawnDynamoDbLocalEarly(
    { port: options.ports['dynamodb'] ?? 0, dataDir: persistentDataDir(options) },
    keptLauncherDir(),
  );
  noteNodeVersionOnce();
  console.log(`Starting the sandbox for ${options.templatePath} ...`);
  const [{ startSandbox, writeOutputs }, { demoUser: demo, seedDemoUser }] = await Promise.all([
    import('./start-sandbox'),
    import('./demo-user'),
  ]);
  const sandbox = await startSandbox({
    ...options,
    ports: { ...options.ports, dynamodb: earlyDynamoDbLocal.port },
    early: { dynamoDbLocal: earlyDynamoDbLocal },
  });
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

  const signedIn = await seedDemoUser(sandbox.outputs);
  writeOutputs(sandbox);
  printWelcome(sandbox, signedIn, demo);
}

main().catch(async (error: unknown) => {
  console.error(
    `\nThe sandbox could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  await earlyDynamoDbLocal?.abandon();
  process.exit(1);
});
