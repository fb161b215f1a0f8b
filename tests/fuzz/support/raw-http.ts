import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent as is: no encoding is added, so malformed escapes reach the gateway. */
  path: string;
  /** A value list sends the header once per value. */
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request with node:http, which (unlike fetch) sends a GET or HEAD
 * with a body, repeated headers and any method token.
 */
export function sendRaw(baseUrl: string, raw: RawRequest, timeoutMs = 15_000): Promise<RawReply> {
  const base = new URL(baseUrl);
  return new Promise((done, fail) => {
    const outgoing = request(
      {
        host: base.hostname,
        port: base.port,
        method: raw.method,
        path: `${base.pathname.replace(/\/$/, '')}${raw.path}`,
        headers: {
          ...raw.headers,
          ...(raw.body !== undefined && { 'Content-Length': String(raw.body.length) }),
        },
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          done({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', fail);
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`${raw.method} ${raw.path} timed out`)),
    );
    outgoing.on('error', fail);
    outgoing.end(raw.body);
  });
}
