// The local mail outbox: every email the local Cognito would send (sign-up
// confirmation codes, password reset codes), kept in memory and served as JSON
// at GET /outbox (`?to=` filters by recipient; DELETE /outbox empties it).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../runtime/listen';

export interface Mail {
  to: string;
  username: string;
  code: string;
  subject?: string;
  message?: string;
  sentAt: string;
}

export interface MailOutbox {
  endpoint: string;
  outboxUrl: string;
  deliver(mail: Omit<Mail, 'sentAt'>): void;
  stop(): Promise<void>;
}

function answer(mails: Mail[], request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== '/outbox') {
    response.writeHead(404).end();
  } else if (request.method === 'DELETE') {
    mails.length = 0;
    response.writeHead(204).end();
  } else {
    const to = url.searchParams.get('to');
    const items = mails.filter((mail) => to === null || mail.to === to || mail.username === to);
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ items }));
  }
}

export async function startMailOutbox(options: { port: number }): Promise<MailOutbox> {
  const mails: Mail[] = [];
  const server = createServer((request, response) => {
    // Bodies are never read: the outbox is filled in-process, not over HTTP.
    request.resume();
    answer(mails, request, response);
  });
  const endpoint = await listen(server, options.port, '127.0.0.1', 'Mail outbox');
  return {
    endpoint,
    outboxUrl: `${endpoint}/outbox`,
    deliver: (mail) => void mails.push({ ...mail, sentAt: new Date().toISOString() }),
    stop: () => closeServer(server),
  };
}
