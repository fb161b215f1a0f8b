// `npm run user -- add|token|list|remove`: test users of the running sandbox's
// user pool, without reading cognito-local's state. Passwords of users added
// here are kept in <state-dir>/users.json (local only) so `token` needs none.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ensureUser, signIn } from './cognito/users';
import { localCredentials } from './runtime/lambda-environment';

const usage = `Usage: npm run user -- <command> [options]

  add <email> [--password P] [--group G ...]   a confirmed user (a password is made if none is given)
  token <email> [--password P]                 fresh ID, access and refresh tokens, as JSON
  list                                         the pool's users
  remove <email>                               deletes the user
  --state-dir DIR                              the sandbox's state (default .sandbox)`;

interface Sandbox {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
  passwordsFile: string;
}

function connect(stateDir: string): Sandbox {
  const outputsFile = join(stateDir, 'outputs.json');
  if (!existsSync(outputsFile)) {
    throw new Error(`No running sandbox: ${outputsFile} is missing (start it with npm start)`);
  }
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, string>;
  const { CognitoEndpoint, UserPoolId, UserPoolClientId } = outputs;
  if (!CognitoEndpoint || !UserPoolId || !UserPoolClientId) {
    throw new Error(`${outputsFile} names no CognitoEndpoint, UserPoolId and UserPoolClientId`);
  }
  return {
    client: new CognitoIdentityProviderClient({
      endpoint: CognitoEndpoint,
      region: 'us-east-1',
      credentials: localCredentials,
    }),
    userPoolId: UserPoolId,
    clientId: UserPoolClientId,
    passwordsFile: join(stateDir, 'users.json'),
  };
}

function knownPasswords(sandbox: Sandbox): Record<string, string> {
  return existsSync(sandbox.passwordsFile)
    ? (JSON.parse(readFileSync(sandbox.passwordsFile, 'utf8')) as Record<string, string>)
    : {};
}

function rememberPassword(sandbox: Sandbox, email: string, password: string | undefined): void {
  const others = Object.entries(knownPasswords(sandbox)).filter(([known]) => known !== email);
  const passwords = Object.fromEntries(
    password === undefined ? others : [...others, [email, password]],
  );
  writeFileSync(sandbox.passwordsFile, `${JSON.stringify(passwords, null, 2)}\n`);
}

/** Meets the template's policy: 12+ characters with upper, lower, digit and symbol. */
function newPassword(): string {
  return `Pw-${randomBytes(9).toString('base64url')}-9a`;
}

async function add(sandbox: Sandbox, email: string, password: string, groups: string[]) {
  const { sub } = await ensureUser(sandbox.client, {
    userPoolId: sandbox.userPoolId,
    email,
    password,
    groups,
  });
  rememberPassword(sandbox, email, password);
  return { email, password, sub, groups };
}

async function token(sandbox: Sandbox, email: string, password: string | undefined) {
  const known = password ?? knownPasswords(sandbox)[email];
  if (!known) throw new Error(`No password known for ${email}: pass --password`);
  return signIn(sandbox.client, { clientId: sandbox.clientId, email, password: known });
}

async function list(sandbox: Sandbox) {
  const { Users: users = [] } = await sandbox.client.send(
    new ListUsersCommand({ UserPoolId: sandbox.userPoolId }),
  );
  return users.map((user) => ({
    email: user.Attributes?.find((attribute) => attribute.Name === 'email')?.Value,
    sub: user.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value,
    status: user.UserStatus,
  }));
}

async function remove(sandbox: Sandbox, email: string) {
  await sandbox.client.send(
    new AdminDeleteUserCommand({ UserPoolId: sandbox.userPoolId, Username: email }),
  );
  rememberPassword(sandbox, email, undefined);
  return { removed: email };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      password: { type: 'string' },
      group: { type: 'string', multiple: true, default: [] },
      'state-dir': { type: 'string', default: '.sandbox' },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, email] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  const needsEmail = command !== 'list';
  if (needsEmail && !email) throw new Error(`${command} needs an email\n\n${usage}`);
  const sandbox = connect(resolve(values['state-dir']));
  const at = email ?? '';
  const commands: Record<string, () => Promise<unknown>> = {
    add: () => add(sandbox, at, values.password ?? newPassword(), values.group),
    token: () => token(sandbox, at, values.password),
    list: () => list(sandbox),
    remove: () => remove(sandbox, at),
  };
  const run = commands[command];
  if (!run) throw new Error(`Unknown command ${command}\n\n${usage}`);
  console.log(JSON.stringify(await run(), null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
