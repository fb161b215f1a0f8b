// The demo app the sandbox serves at `/` of the docs port: one page and its
// script, bundled by esbuild from the typed client (client/) when the sandbox
// starts, or kept from the last start when nothing it was built from changed. The page reads the sandbox's outputs.json through /demo/config.json
// and, since both outboxes are loopback-only and answer no other origin, reads
// them through /demo/outbox/mail and /demo/outbox/push of its own origin.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { buildUnlessCurrent } from '../runtime/build';

export interface DemoApp {
  /** Answers the demo's own paths; false for any other path. */
  handle(path: string, request: IncomingMessage, response: ServerResponse): boolean;
}

const SOURCE_DIR = join(process.cwd(), 'sandbox', 'demo-app');

/** The outputs the page needs, and the outboxes it reads through this origin. */
const CLIENT_OUTPUTS = [
  'ApiUrl',
  'WebSocketUrl',
  'UserPoolClientId',
  'UserPoolId',
  'CognitoEndpoint',
] as const;
const OUTBOXES: Record<string, { output: string; filter: string }> = {
  '/demo/outbox/mail': { output: 'MailOutboxUrl', filter: 'to' },
  '/demo/outbox/push': { output: 'PushOutboxUrl', filter: 'userId' },
};

// Not a logical id of the template (those have no hyphen): its build record cannot collide with a function's.
const BUNDLE_ID = 'demo-app';

/** The page's script, in the build directory like the functions' bundles. */
async function bundle(buildDir: string): Promise<string> {
  const outfile = join(buildDir, BUNDLE_ID, 'main.js');
  await buildUnlessCurrent(
    BUNDLE_ID,
    {
      entryPoints: [join(SOURCE_DIR, 'browser', 'main.ts')],
      bundle: true,
      outfile,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      logLevel: 'silent',
    },
    buildDir,
  );
  return readFileSync(outfile, 'utf8');
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

export async function createDemoApp(options: {
  outputsFile: string;
  /** Where the bundle and its build record are kept between starts. */
  buildDir: string;
}): Promise<DemoApp> {
  const script = await bundle(options.buildDir);
  const page = readFileSync(join(SOURCE_DIR, 'index.html'), 'utf8');
  // Written once, whole (renamed into place), when the sandbox is up: read until it is there, then kept.
  let written: Record<string, string> | undefined;
  const outputs = (): Record<string, string> | undefined => {
    if (!written && existsSync(options.outputsFile)) {
      written = JSON.parse(readFileSync(options.outputsFile, 'utf8')) as Record<string, string>;
    }
    return written;
  };

  const config = (response: ServerResponse) => {
    const all = outputs();
    if (!all) return send(response, 503, 'text/plain', 'The sandbox is still starting\n');
    const picked = Object.fromEntries(CLIENT_OUTPUTS.map((name) => [name, all[name]]));
    return send(response, 200, 'application/json', JSON.stringify(picked));
  };

  const outbox = (path: string, request: IncomingMessage, response: ServerResponse) => {
    const { output, filter } = OUTBOXES[path] ?? {};
    const target = output && outputs()?.[output];
    const value = new URL(request.url ?? '/', 'http://demo').searchParams.get(filter ?? '');
    if (!target || !value) return send(response, 400, 'text/plain', `Give ?${filter}=\n`);
    void fetch(`${target}?${filter}=${encodeURIComponent(value)}`)
      .then(async (answer) =>
        send(response, answer.status, 'application/json', await answer.text()),
      )
      .catch(() => send(response, 502, 'text/plain', 'The outbox did not answer\n'));
  };

  return {
    handle(path, request, response) {
      if (path === '/') send(response, 200, 'text/html; charset=utf-8', page);
      else if (path === '/demo/app.js') send(response, 200, 'text/javascript', script);
      else if (path === '/demo/config.json') config(response);
      else if (path in OUTBOXES) outbox(path, request, response);
      else return false;
      return true;
    },
  };
}
