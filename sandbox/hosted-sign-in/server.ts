// The HTTP front of the hosted sign-in: routes requests to ./endpoints.ts,
// reads form bodies, and answers anything it cannot read with a 4xx.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import { closeServer, listen } from '../runtime/listen';
import {
  authorizePage,
  authorizeSubmit,
  jwks,
  logout,
  openidConfiguration,
  token,
  type EndpointContext,
  type Reply,
} from './endpoints';

export interface HostedSignInServer {
  /** The bound address, e.g. `http://127.0.0.1:9230`. */
  url: string;
  close(): Promise<void>;
}

const FORM_LIMIT_BYTES = 16 * 1024;

type Route = (request: {
  query: URLSearchParams;
  form: () => Promise<URLSearchParams>;
}) => Reply | Promise<Reply>;

function routesOf(context: EndpointContext): Record<string, Route> {
  return {
    'GET /oauth2/authorize': ({ query }) => authorizePage(query, context),
    'POST /oauth2/authorize': async ({ form }) => authorizeSubmit(await form(), context),
    'POST /oauth2/token': async ({ form }) => token(await form(), context),
    'GET /logout': ({ query }) => logout(query, context),
    'GET /.well-known/openid-configuration': () => openidConfiguration(context),
    'GET /.well-known/jwks.json': () => jwks(),
  };
}

class BadForm extends Error {}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new BadForm('The body must be application/x-www-form-urlencoded');
  }
  const body = await readBody(request, FORM_LIMIT_BYTES);
  if (!body) throw new BadForm('The body is too large');
  return new URLSearchParams(body.toString('utf8'));
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, reply.headers);
  response.end(reply.body);
}

export async function startHostedSignInServer(options: {
  port: number;
  host: string;
  context: EndpointContext;
  log: (line: string) => void;
}): Promise<HostedSignInServer> {
  const routes = routesOf(options.context);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const route = routes[`${request.method} ${url.pathname}`];
    const reply = route
      ? Promise.resolve(route({ query: url.searchParams, form: () => readForm(request) }))
      : Promise.resolve({ status: 404, body: 'Not found' });
    reply
      .catch((error: unknown): Reply => {
        if (error instanceof BadForm) {
          return {
            status: 400,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ error: 'invalid_request', error_description: error.message }),
          };
        }
        options.log(`[sign-in] ${request.method} ${url.pathname} failed: ${String(error)}`);
        return { status: 500, body: 'Internal error' };
      })
      .then((answer) => {
        options.log(`[sign-in] ${request.method} ${url.pathname} ${answer.status}`);
        send(response, answer);
      })
      .catch(() => response.destroy());
  });
  const url = await listen(server, options.port, options.host, 'Hosted sign-in');
  return { url, close: () => closeServer(server) };
}
