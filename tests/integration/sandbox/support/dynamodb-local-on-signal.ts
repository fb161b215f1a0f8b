// DynamoDB Local in a process of its own that stops as `npm start` does on
// SIGTERM: every child is signalled at once (sandbox/processes.ts), and the
// DynamoDB Local row stops later, once the rows after it have stopped.
import { setTimeout as sleep } from 'node:timers/promises';
import { startDynamoDbLocal } from '../../../../sandbox/dynamodb/dynamodb-local';

const port = Number(process.argv[2]);
const restarts: string[] = [];
const dynamoDb = await startDynamoDbLocal({ port, onRestart: (line) => restarts.push(line) });
process.on('SIGTERM', () => {
  void (async () => {
    await sleep(3_000);
    await dynamoDb.stop();
    console.log(JSON.stringify({ restarts }));
    process.exit(0);
  })();
});
console.log(JSON.stringify({ ready: dynamoDb.processId() }));
