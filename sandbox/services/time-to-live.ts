// DynamoDB's Time to Live, which DynamoDB Local lacks: the template's tables
// with a TTL attribute are swept for expired items now and then
// (dynamodb/time-to-live.ts), after the stream mappings so that they see the
// deletes, told of each through the context to mark its REMOVE record as TTL's.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startTimeToLiveSweeps } from '../dynamodb/time-to-live';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';

// A minute after the start for what expired while the sandbox was stopped,
// then every five: DynamoDB itself takes up to two days.
const FIRST_SWEEP_MS = 60_000;
const SWEEP_INTERVAL_MS = 5 * 60_000;

export async function start(context: SandboxContext): Promise<StartedService> {
  const client = new DynamoDBClient(localClientConfig(context.endpointOf('dynamodb')));
  const sweeps = startTimeToLiveSweeps({
    client,
    tables: context.model.tables,
    firstDelayMs: FIRST_SWEEP_MS,
    intervalMs: SWEEP_INTERVAL_MS,
    log: context.log,
    sweep: { deletions: context.timeToLiveDeletions },
  });
  return {
    stop: async () => {
      await sweeps.stop();
      client.destroy();
    },
  };
}
