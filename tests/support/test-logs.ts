import { mkdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Console } from 'node:console';

// Runs before each test file (jest `setupFiles`): what the code under test
// logs goes to .test-logs/<project>.log, so that the test output shows
// results, not log lines. Tests that assert on logs spy on the logger and
// see every call as before.

const directory = join(process.cwd(), '.test-logs');
mkdirSync(directory, { recursive: true });
// The project's name, from its `globals` in jest.config.js.
const project = (globalThis as { testLogName?: string }).testLogName ?? 'tests';
const file = createWriteStream(join(directory, `${project}.log`), { flags: 'a' });

// Powertools writes to the global console in dev mode, and to process.stdout
// otherwise; dev mode keeps metrics on only where they are switched on explicitly.
process.env.POWERTOOLS_DEV ??= 'true';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'false';
// The template's namespace, so Metrics does not warn that none is defined.
process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'MobileBackend';
process.env.POWERTOOLS_SERVICE_NAME ??= 'mobile-backend';
// Said once by the SDK on older Node; the npm scripts run on the Lambda runtime's Node.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

globalThis.console = new Console({ stdout: file, stderr: file });
