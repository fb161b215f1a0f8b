// The local Step Functions endpoint (AWS_ENDPOINT_URL_SFN): the JSON 1.0
// protocol of the Step Functions API, and the Task faults of the tests at
// /faults (POST a fault, GET them with how often each was raised, DELETE to clear them).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import type { RunningService } from '../processes';
import { listen } from '../runtime/listen';
import { handleStatesAction } from './api';
import { ApiError, type LocalStateMachine } from './executions';
import type { TaskFaults } from './task-faults';

const MAX_REQUEST_BYTES = 1024 * 1024;

export interface LocalStepFunctions extends RunningService {
  faultsUrl: string;
}

export async function startLocalStepFunctions(options: {
  port: number;
  machines: readonly LocalStateMachine[];
  faults: TaskFaults;
}): Promise<LocalStepFunctions> {
  const server = createServer((request, response) => {
    void answer(request, options).then(
      ({ status, body }) => reply(response, status, body),
      (error: unknown) => reply(response, ...errorReply(error)),
    );
  });
  const endpoint = await listen(server, options.port, '127.0.0.1', 'Step Functions');
  return {
    endpoint,
    faultsUrl: `${endpoint}/faults`,
    stop: async () => {
      for (const machine of options.machines) machine.abortAll();
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}

async function answer(
  request: IncomingMessage,
  options: { machines: readonly LocalStateMachine[]; faults: TaskFaults },
): Promise<{ status: number; body?: unknown }> {
  const body = await readBody(request, MAX_REQUEST_BYTES);
  if (body === undefined) throw new ApiError('ValidationException', 'Request too large');
  const json =
    body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>);
  if (request.url === '/faults') {
    if (request.method === 'GET') return { status: 200, body: { faults: options.faults.list() } };
    if (request.method === 'DELETE') options.faults.clear();
    else options.faults.set(faultOf(json));
    return { status: 204 };
  }
  const target = String(request.headers['x-amz-target'] ?? '');
  const action = target.startsWith('AWSStepFunctions.')
    ? target.slice('AWSStepFunctions.'.length)
    : target;
  return { status: 200, body: handleStatesAction(options.machines, action, json) };
}

function faultOf(json: Record<string, unknown>) {
  const { state, userId, error, cause, times } = json;
  if (typeof state !== 'string' || typeof userId !== 'string' || typeof error !== 'string') {
    throw new ApiError('ValidationException', 'A fault needs a state, a userId and an error name');
  }
  return {
    state,
    userId,
    error,
    cause: typeof cause === 'string' ? cause : `${error} (local fault)`,
    times: typeof times === 'number' ? times : Number.POSITIVE_INFINITY,
  };
}

function errorReply(error: unknown): [number, unknown] {
  if (error instanceof ApiError) return [400, { __type: error.type, message: error.message }];
  if (error instanceof SyntaxError)
    return [400, { __type: 'SerializationException', message: error.message }];
  return [500, { __type: 'InternalFailure', message: String(error) }];
}

function reply(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response
    .writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0' })
    .end(JSON.stringify(body));
}
