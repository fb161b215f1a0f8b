// A sandbox started with --host 127.0.0.2 (Linux routes all of 127/8 to
// loopback, so no traffic leaves this machine): its client-facing endpoints
// listen there and nowhere else, every internal service on 127.0.0.1 only.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { jest } from '@jest/globals';
import { canListenOnLoopbackOnly } from '../../sandbox/dynamodb/dynamodb-local';
import { startSandboxProcess, type SandboxProcess } from '../../sandbox/spawn-sandbox';
import { listeningSockets, type ListeningSocket } from './support/listening-sockets';
import type { SandboxOutputs } from './support/outputs';

jest.setTimeout(60_000);

const HOST = '127.0.0.2';
// What a phone talks to; every other socket of the sandbox is internal.
const CLIENT_FACING = [
  'ApiUrl',
  'WebSocketUrl',
  'CognitoEndpoint',
  'S3Endpoint',
  'CloudFrontEndpoint',
  'SignInEndpoint',
  'CognitoIdentityEndpoint',
] as const;
// DynamoDB Local has no bind-address option: a launcher keeps it on loopback
// when java is a JDK; with a JRE only it listens on every interface
// (README.md, "What runs locally").
const JDK = canListenOnLoopbackOnly();

let sandbox: SandboxProcess;
let outputs: SandboxOutputs;
let sockets: ListeningSocket[];

const portOf = (url: string | undefined) => Number(new URL(url ?? 'http://invalid').port);

function refusesConnection(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => resolve(!socket.destroy()));
    socket.once('error', () => resolve(true));
  });
}

beforeAll(async () => {
  sandbox = await startSandboxProcess(['--host', HOST]);
  outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as SandboxOutputs;
  sockets = listeningSockets(sandbox.pid);
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

describe('a sandbox started with --host 127.0.0.2', () => {
  it.each(CLIENT_FACING)('names 127.0.0.2 in %s of outputs.json', (key) => {
    expect(new URL(outputs[key] ?? 'http://invalid').hostname).toBe(HOST);
  });

  it.each(CLIENT_FACING)('listens for %s on 127.0.0.2 only', (key) => {
    const bound = sockets.filter(({ port }) => port === portOf(outputs[key]));

    expect(bound.map(({ address }) => address)).toEqual([HOST]);
  });

  it('listens for every internal service on 127.0.0.1 only', () => {
    const clientPorts = new Set(CLIENT_FACING.map((key) => portOf(outputs[key])));
    const dynamodbPort = portOf(outputs.DynamoDbEndpoint);
    const internal = sockets.filter(
      ({ port }) => !clientPorts.has(port) && (JDK || port !== dynamodbPort),
    );

    // The local SQS, S3 backend, search, push, Secrets Manager, Lambda API,
    // cognito-local (behind the Cognito front) and DynamoDB Local at least.
    expect(internal.length).toBeGreaterThanOrEqual(JDK ? 8 : 7);
    expect(internal.filter(({ address }) => address !== '127.0.0.1')).toEqual([]);
  });

  it('finds DynamoDB Local on loopback only with a JDK, on every interface with a JRE', () => {
    const bound = sockets.filter(({ port }) => port === portOf(outputs.DynamoDbEndpoint));

    expect(bound.map(({ address }) => address)).toEqual(JDK ? ['127.0.0.1'] : ['::']);
  });

  it('answers REST API requests on 127.0.0.2', async () => {
    const response = await fetch(`${outputs.ApiUrl}/v1/me`);

    expect(response.status).toBe(401);
  });

  (JDK ? it : it.skip)('does not answer on 127.0.0.2 for DynamoDB Local', async () => {
    const dynamodbPort = portOf(outputs.DynamoDbEndpoint);

    await expect(refusesConnection(HOST, dynamodbPort)).resolves.toBe(true);
    await expect(refusesConnection('127.0.0.1', dynamodbPort)).resolves.toBe(false);
  });

  it('does not answer on 127.0.0.2 for the internal SQS', async () => {
    const sqsPort = portOf(outputs.SqsEndpoint);

    await expect(refusesConnection(HOST, sqsPort)).resolves.toBe(true);
    await expect(refusesConnection('127.0.0.1', sqsPort)).resolves.toBe(false);
  });
});
