// The local SNS endpoint for mobile push (AWS_ENDPOINT_URL_SNS): the calls
// the SNS adapters make (platform applications, endpoints, Publish), on the Query protocol, and the outbox as JSON at
// GET /outbox (`?userId=` or `?token=` to filter; DELETE /outbox empties it).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { RunningService } from '../processes';
import { listen } from '../runtime/listen';
import { keptApplications } from './kept-applications';
import { PushService, type OutboxEntry } from './push-service';
import {
  attributesOf,
  errorXml,
  messageAttributesOf,
  parseQueryRequest,
  QueryError,
  successXml,
  type QueryRequest,
} from './query-protocol';

export interface LocalPush extends RunningService {
  service: PushService;
  outboxUrl: string;
  /** The id of the kept applications' state (see kept-applications.ts); undefined in memory. */
  keptStateId: string | undefined;
}

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw new QueryError(400, 'InvalidParameter', `Invalid parameter: ${name}`);
  }
  return value;
}

function handleAction(service: PushService, request: QueryRequest): string {
  return handleApplicationAction(service, request) ?? handleEndpointAction(service, request);
}

/** The platform application calls, or undefined for another action. */
function handleApplicationAction(
  service: PushService,
  { action, params }: QueryRequest,
): string | undefined {
  switch (action) {
    case 'CreatePlatformApplication':
      return successXml(action, {
        PlatformApplicationArn: service.createPlatformApplication(
          required(params, 'Name'),
          required(params, 'Platform'),
          attributesOf(params),
        ),
      });
    case 'GetPlatformApplicationAttributes':
      return successXml(action, {
        Attributes: service.getPlatformApplicationAttributes(
          required(params, 'PlatformApplicationArn'),
        ),
      });
    case 'SetPlatformApplicationAttributes':
      service.setPlatformApplicationAttributes(
        required(params, 'PlatformApplicationArn'),
        attributesOf(params),
      );
      return successXml(action);
    case 'DeletePlatformApplication':
      service.deletePlatformApplication(required(params, 'PlatformApplicationArn'));
      return successXml(action);
    default:
      return undefined;
  }
}

function handleEndpointAction(service: PushService, { action, params }: QueryRequest): string {
  switch (action) {
    case 'CreatePlatformEndpoint':
      return successXml(action, {
        EndpointArn: service.createPlatformEndpoint(
          required(params, 'PlatformApplicationArn'),
          required(params, 'Token'),
          params.CustomUserData,
        ),
      });
    case 'GetEndpointAttributes':
      return successXml(action, {
        Attributes: service.getEndpointAttributes(required(params, 'EndpointArn')),
      });
    case 'SetEndpointAttributes':
      service.setEndpointAttributes(required(params, 'EndpointArn'), attributesOf(params));
      return successXml(action);
    case 'DeleteEndpoint':
      service.deleteEndpoint(required(params, 'EndpointArn'));
      return successXml(action);
    case 'Publish':
      return successXml(action, { MessageId: publish(service, params) });
    default:
      throw new QueryError(
        400,
        'InvalidAction',
        `The local SNS endpoint does not support ${action}.`,
      );
  }
}

/** To a phone number (SMS) or to a platform endpoint (push). */
function publish(service: PushService, params: Record<string, string>): string {
  if (params.PhoneNumber !== undefined) {
    return service.publishSms(
      params.PhoneNumber,
      required(params, 'Message'),
      messageAttributesOf(params),
    );
  }
  return service.publish(
    required(params, 'TargetArn'),
    required(params, 'Message'),
    params.MessageStructure,
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function outboxOf(service: PushService, url: URL): OutboxEntry[] {
  const wanted = (name: string, value: string | undefined) => {
    const filter = url.searchParams.get(name);
    return filter === null || filter === value;
  };
  return service.outbox.filter((entry) => {
    const push = entry.kind === 'push' ? entry : undefined;
    const sms = entry.kind === 'sms' ? entry : undefined;
    return (
      wanted('userId', push?.userId) &&
      wanted('token', push?.token) &&
      wanted('phoneNumber', sms?.phoneNumber)
    );
  });
}

async function handle(
  service: PushService,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/outbox') {
    if (request.method === 'DELETE') {
      service.outbox.length = 0;
      response.writeHead(204).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ items: outboxOf(service, url) }));
    return;
  }
  if (request.method !== 'POST') {
    response.writeHead(404).end();
    return;
  }
  try {
    const xml = handleAction(service, parseQueryRequest(await readBody(request)));
    response.writeHead(200, { 'Content-Type': 'text/xml' });
    response.end(xml);
  } catch (error) {
    const failure =
      error instanceof QueryError ? error : new QueryError(500, 'InternalError', 'Internal error');
    response.writeHead(failure.status, { 'Content-Type': 'text/xml' });
    response.end(errorXml(failure));
  }
}

/** One line per push or SMS on the sandbox's console. */
function consoleLineOf(entry: OutboxEntry): string {
  if (entry.kind === 'sms') {
    return `SMS ${entry.smsType ?? 'default'} → ${entry.phoneNumber}: ${JSON.stringify(entry.text)}`;
  }
  return `Push ${entry.platform} → user ${entry.userId || '?'} (${entry.token.slice(0, 12)}…): ${JSON.stringify(entry.payload)}`;
}

export async function startLocalPush(options: {
  port: number;
  /** `arn:<partition>:sns:<region>:<account>` of the applications the stack creates. */
  arnPrefix: string;
  log: (line: string) => void;
  /** The file the platform applications and their endpoints are kept in across restarts; none: in memory only. */
  applicationsFile?: string;
}): Promise<LocalPush> {
  const kept = options.applicationsFile ? keptApplications(options.applicationsFile) : undefined;
  const service = new PushService(
    options.arnPrefix,
    (entry) => options.log(consoleLineOf(entry)),
    kept,
  );
  const server = createServer((request, response) => void handle(service, request, response));
  const endpoint = await listen(server, options.port, '127.0.0.1', 'Push (SNS)');
  return {
    endpoint,
    service,
    outboxUrl: `${endpoint}/outbox`,
    keptStateId: kept?.stateId,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
