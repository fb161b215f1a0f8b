// The Cognito SDK's SRP values for a given secret a: A, and the password
// authentication key for a challenge. Input and output are JSON.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { text } from 'node:stream/consumers';

const require = createRequire(import.meta.url);
const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper').default;
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;

const input = JSON.parse(await text(process.stdin));
const helper = new AuthenticationHelper(input.poolName);
// The secret the caller chose, in place of the one the constructor drew.
helper.smallAValue = new BigInteger(input.a, 16);
helper.largeAValue = undefined;
const A = await new Promise((done, fail) =>
  helper.getLargeAValue((error, value) => (error ? fail(error) : done(value.toString(16)))),
);
const key = await new Promise((done, fail) =>
  helper.getPasswordAuthenticationKey(
    input.userId,
    input.password,
    new BigInteger(input.srpB, 16),
    new BigInteger(input.salt, 16),
    (error, value) => (error ? fail(error) : done(Buffer.from(value).toString('hex'))),
  ),
);
process.stdout.write(JSON.stringify({ A, key }));
