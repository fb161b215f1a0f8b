// Runs Cognito's own JavaScript SDK (amazon-cognito-identity-js) in a Node
// process of its own: inside jest's module sandbox its big-number arithmetic
// (jsbn) is some forty times slower, seconds per modular power, and its
// synchronous work then holds up everything else in the test.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs `script` of this folder with `input` as JSON on stdin; resolves with the JSON it prints. */
export function runCognitoSdk<T>(script: string, input: unknown): Promise<T> {
  const child = spawn(
    process.execPath,
    [join(process.cwd(), 'tests', 'support', 'cognito-sdk', script)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.end(JSON.stringify(input));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(JSON.parse(Buffer.concat(out).toString('utf8')) as T);
      else fail(new Error(`${script} exited with ${code}: ${Buffer.concat(err).toString('utf8')}`));
    });
  });
}
