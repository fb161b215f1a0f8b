import { execFileSync } from 'node:child_process';

// cognito-local's child process starts at every sandbox start, and the sandbox
// configures none of its trigger functions. aws-sdk (v2) for the Lambda client
// and @aws-crypto/client-node for custom senders' KMS encryption cost about half
// a second of CPU to load, so its patch (patches/) loads them on first use.

/** The files a fresh Node has loaded after requiring what the child's start requires. */
function filesLoadedByCognitoLocalServer(): string[] {
  const script = `
    const { createRequire } = require('node:module');
    const cognitoLocal = createRequire(require.resolve('cognito-local/package.json'));
    cognitoLocal('./lib/server');
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const output = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_COMPILE_CACHE: '' },
  });
  return JSON.parse(output) as string[];
}

describe("what cognito-local's server loads at start", () => {
  const files = filesLoadedByCognitoLocalServer();

  it('leaves out aws-sdk, which only an invoked trigger function needs', () => {
    expect(files.filter((file) => /[\\/]node_modules[\\/]aws-sdk[\\/].*\.js$/.test(file))).toEqual(
      [],
    );
  });

  it('leaves out the AWS encryption client, which only a custom sender trigger needs', () => {
    expect(files.filter((file) => file.includes('@aws-crypto'))).toEqual([]);
  });

  it('still loads its server and targets', () => {
    expect(files.some((file) => file.endsWith('cognito-local/lib/server/defaults.js'))).toBe(true);
    expect(files.some((file) => file.endsWith('cognito-local/lib/targets/signUp.js'))).toBe(true);
  });
});
