import { Agent, request } from 'node:http';

/**
 * The headers `fetch` (undici) adds to a GET, sent here too, so that the
 * gateway and the function see the same request whichever client sends it.
 */
const fetchDefaultHeaders = {
  accept: '*/*',
  'accept-language': '*',
  'sec-fetch-mode': 'cors',
  'user-agent': 'node',
  'accept-encoding': 'gzip, deflate',
};

/**
 * GETs of one URL over node:http with a keep-alive agent, the transport the
 * SDK's own calls use, for a load generator that shares the machine with what
 * it measures: `fetch` costs the generator about 0.1 ms more CPU per request
 * (bench/RESULTS.md, get-item). Each call reads the whole body and rejects
 * on any status but `expectedStatus`.
 */
export function keepAliveGet(
  url: string,
  headers: Record<string, string>,
  expectedStatus = 200,
): () => Promise<void> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true });
  const sent = { ...fetchDefaultHeaders, ...headers };
  return () =>
    new Promise<void>((resolve, reject) => {
      request(target, { agent, headers: sent }, (reply) => {
        reply.on('data', () => undefined);
        reply.on('error', reject);
        reply.on('end', () => {
          if (reply.statusCode === expectedStatus) resolve();
          else reject(new Error(`GET ${target.pathname} answered ${reply.statusCode}`));
        });
      })
        .on('error', reject)
        .end();
    });
}
