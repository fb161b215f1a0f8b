import type { RunningService } from '../../sandbox/processes';

const DYNAMODB_HANDLE = Symbol.for('mobile-backend.integration.dynamodb-local');

export default async function teardown(): Promise<void> {
  const handles = globalThis as Record<symbol, RunningService | undefined>;
  await handles[DYNAMODB_HANDLE]?.stop();
  handles[DYNAMODB_HANDLE] = undefined;
}
