// cognito-local's own start (lib/bin/start.js), with its log formatted and
// written in the same call. Its start pipes the log through pino-pretty's
// stream, which now and then holds a line back until the next one: the box
// with a confirmation code (which the sandbox reads into the mail outbox)
// then appeared only when the next code was sent.
import { createRequire } from 'node:module';
import { addSandboxTargets } from './cognito-local-targets.mjs';
import { saveStoresWhole } from './cognito-local-writes.mjs';

const require = createRequire(createRequire(import.meta.url).resolve('cognito-local/package.json'));
const pino = require('pino');
const { prettyFactory } = require('pino-pretty');
const { createDefaultServer } = require('./lib/server');

addSandboxTargets(require);
saveStoresWhole(require);

const pretty = prettyFactory({
  colorize: true,
  ignore: 'pid,name,hostname',
  singleLine: true,
  messageFormat: (log, messageKey) =>
    `${log.reqId ?? 'NONE'} ${log.target ?? 'NONE'} ${log[messageKey]}`,
});
const logger = pino(
  { level: process.env.DEBUG ? 'debug' : 'info' },
  { write: (line) => process.stdout.write(pretty(line)) },
);

try {
  const server = await (await createDefaultServer(logger)).start();
  const address = server.address();
  const url = typeof address === 'string' ? address : `${address.address}:${address.port}`;
  logger.info(`Cognito Local running on http://${url}`);
} catch (error) {
  logger.error(error);
  process.exit(1);
}
