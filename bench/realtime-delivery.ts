import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { createBenchUser } from './lib/bench-user';
import { startSandboxProcess } from '../sandbox/spawn-sandbox';
import { recordResults } from './lib/results';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ms, percentile, perSecond, ratioVerdict } from './lib/stats';
import { sqsRoundTrips } from './lib/sqs-round-trip';
import { unthrottled } from './lib/unthrottled';

// `POST /v1/messages` → frame on the recipient's WebSocket, through the whole
// sandbox (REST gateway, messaging API, local SQS, worker, DynamoDB Local,
// @connections, WebSocket gateway), with 200 connections open; and the
// fan-out rate against what a bare `ws` server sends to 200 clients in the
// same run on the same machine.
const RECIPIENTS = 50;
const CONNECTIONS_PER_RECIPIENT = 4;
const LATENCY_MESSAGES = 200;
const FAN_OUT_MESSAGES = 300;
const FAN_OUT_CONCURRENCY = 8;
const RAW_FRAMES_PER_CLIENT = 500;
const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

interface Recipient {
  sub: string;
  sockets: WebSocket[];
}

/** Resolves when every socket has received a frame containing `marker`. */
function framesArriving(sockets: WebSocket[], marker: string): Promise<number[]> {
  const started = performance.now();
  return Promise.all(
    sockets.map(
      (socket) =>
        new Promise<number>((done) => {
          const onMessage = (data: WebSocket.RawData) => {
            if (!data.toString().includes(marker)) return;
            socket.off('message', onMessage);
            done(performance.now() - started);
          };
          socket.on('message', onMessage);
        }),
    ),
  );
}

async function open(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  return socket;
}

/** A bare `ws` server pushing `frame` to 200 local clients as fast as they take it. */
async function rawWsThroughput(frame: string, clients: number, perClient: number) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((done) => server.once('listening', done));
  const { port } = server.address() as AddressInfo;
  const sockets = await Promise.all(
    Array.from({ length: clients }, () => open(`ws://127.0.0.1:${port}`)),
  );
  const received = sockets.map(
    (socket) =>
      new Promise<void>((done) => {
        let count = 0;
        socket.on('message', () => {
          count += 1;
          if (count === perClient) done();
        });
      }),
  );
  const started = performance.now();
  for (const client of server.clients) for (let i = 0; i < perClient; i++) client.send(frame);
  await Promise.all(received);
  const seconds = (performance.now() - started) / 1000;
  for (const socket of sockets) socket.terminate();
  await new Promise((done) => server.close(done));
  return (clients * perClient) / seconds;
}

export async function benchRealtime(): Promise<void> {
  const sandbox = await startSandboxProcess(unthrottled);
  const sockets: WebSocket[] = [];
  try {
    const outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as Record<string, string>;
    const user = async () => {
      const { sub, idToken, headers } = await createBenchUser(outputs);
      // The profile makes the user a valid recipient.
      await fetch(`${outputs.ApiUrl}/v1/me`, { headers });
      return { sub, idToken };
    };
    const sender = await user();
    const recipients: Recipient[] = [];
    for (let index = 1; index <= RECIPIENTS; index++) {
      const { sub, idToken } = await user();
      const own = await Promise.all(
        Array.from({ length: CONNECTIONS_PER_RECIPIENT }, () =>
          open(`${outputs.WebSocketUrl}?token=${encodeURIComponent(idToken)}`),
        ),
      );
      sockets.push(...own);
      recipients.push({ sub, sockets: own });
    }
    const send = async (to: Recipient, text: string) => {
      const reply = await fetch(`${outputs.ApiUrl}/v1/messages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sender.idToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ to: to.sub, text }),
      });
      if (reply.status !== 202) throw new Error(`POST /v1/messages answered ${reply.status}`);
      await reply.arrayBuffer();
    };
    const deliver = async (to: Recipient, text: string) => {
      const arriving = framesArriving(to.sockets, text);
      await send(to, text);
      return arriving;
    };

    // Warm the worker, the gateway and the WebSocket function.
    for (let i = 0; i < 10; i++)
      await deliver(recipients[i % RECIPIENTS] as Recipient, `warm-${i}`);

    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_MESSAGES; i++) {
      latencies.push(...(await deliver(recipients[i % RECIPIENTS] as Recipient, `lat-${i}-x`)));
    }

    // Warm as many execution environments as the fan-out uses; cold starts may fail here.
    await Promise.allSettled(
      Array.from({ length: FAN_OUT_CONCURRENCY }, (_, i) =>
        deliver(recipients[i % RECIPIENTS] as Recipient, `warm-fan-${i}-x`),
      ),
    );

    let next = 0;
    const fanOutStarted = performance.now();
    await Promise.all(
      Array.from({ length: FAN_OUT_CONCURRENCY }, async () => {
        while (next < FAN_OUT_MESSAGES) {
          const i = next++;
          await deliver(recipients[i % RECIPIENTS] as Recipient, `fan-${i}-x`);
        }
      }),
    );
    const fanOutSeconds = (performance.now() - fanOutStarted) / 1000;
    const fanOutFrames = (FAN_OUT_MESSAGES * CONNECTIONS_PER_RECIPIENT) / fanOutSeconds;
    const connections = RECIPIENTS * CONNECTIONS_PER_RECIPIENT;
    const sampleFrame = JSON.stringify({
      type: 'message',
      message: {
        messageId: '01JBENCHMARKMESSAGEID00000',
        from: sender.sub,
        to: sender.sub,
        text: 'fan-0-x',
        sentAt: new Date().toISOString(),
      },
    });
    const raw = await rawWsThroughput(sampleFrame, connections, RAW_FRAMES_PER_CLIENT);
    const sqs = new SQSClient({ ...local, endpoint: outputs.SqsEndpoint });
    const roundTrips = await sqsRoundTrips(sqs, LATENCY_MESSAGES);
    sqs.destroy();

    const table = [
      '| | p50 | p99 | frames/s |',
      '| --- | --- | --- | --- |',
      `| \`POST /v1/messages\` → frame (${connections} connections open, one message at a time) | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} | |`,
      `| Fan-out through the sandbox (${FAN_OUT_MESSAGES} messages, ${FAN_OUT_CONCURRENCY} at a time, ${CONNECTIONS_PER_RECIPIENT} connections each) | | | ${perSecond(fanOutFrames)} |`,
      `| Raw \`ws\` send to ${connections} clients (baseline) | | | ${perSecond(raw)} |`,
      `| Raw local SQS send → receive round trip, one at a time (baseline) | ${ms(percentile(roundTrips, 50))} | ${ms(percentile(roundTrips, 99))} | |`,
    ].join('\n');
    const p99 = percentile(latencies, 99);
    const verdict = [
      `- p99 ${ms(p99)} (target ≤ 200 ms): ${p99 <= 200 ? 'met' : 'NOT met'}`,
      ratioVerdict(
        'send → frame p50 against the raw SQS round trip p50',
        percentile(latencies, 50),
        percentile(roundTrips, 50),
        10,
      ),
      `- fan-out is ${((fanOutFrames / raw) * 100).toFixed(2)}% of raw \`ws\` send throughput: each sandbox frame is an HTTP POST /v1/messages, an SQS round trip, a worker invocation, a DynamoDB query and one @connections HTTP call per connection.`,
    ].join('\n');
    console.log(`\n${table}\n\n${verdict}\n`);
    await recordResults(
      'Real time: POST /v1/messages → WebSocket frame',
      `Command: \`npm run bench -- realtime\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). ${RECIPIENTS} recipients × ${CONNECTIONS_PER_RECIPIENT} connections; latency per frame (POST start → frame on each of the recipient's connections) over ${LATENCY_MESSAGES} messages after 10 warm-up messages.\n\n${table}\n\n${verdict}`,
    );
  } finally {
    for (const socket of sockets) socket.terminate();
    await sandbox.stop();
  }
}
