// The command line of `npm start`: one port option per service of the table,
// then the options of the sandbox as a whole.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { gatherParameterOverrides, parseParameterOverrides } from './parameter-overrides';
import type { SandboxOptions, SandboxService } from './services/contract';
import { DEFAULT_STATE_DIR } from './services/directories';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

const SANDBOX_OPTIONS = {
  'in-memory': { type: 'boolean', default: false },
  'state-dir': { type: 'string', default: DEFAULT_STATE_DIR },
  'parameter-overrides': { type: 'string', multiple: true, default: [] },
  template: { type: 'string', default: 'template.yaml' },
  quiet: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  'no-watch': { type: 'boolean', default: false },
  'async-retry-delay-ms': { type: 'string' },
  'state-retry-delay-ms': { type: 'string' },
  host: { type: 'string' },
  'public-host': { type: 'string' },
  help: { type: 'boolean', default: false },
} satisfies OptionSpecs;

const SANDBOX_USAGE = `  --in-memory               keep no data between runs
  --state-dir DIR           builds, logs, outputs.json and data (default .sandbox)
  --parameter-overrides K=V [K2=V2 ...]
                            template parameter values, as SAM CLI takes them
                            (also ParameterKey=K,ParameterValue=V; repeatable)
  --template FILE           the SAM template (default template.yaml)
  --quiet                   function logs only in <state-dir>/logs, not on the console
  --verbose                 metric documents and debug lines on the console too
  --no-watch                do not rebuild on source changes
  --async-retry-delay-ms N  wait before retrying a failed asynchronous invocation
                            (default: 1 minute, then 2, as Lambda does)
  --state-retry-delay-ms N  wait before each Retry of a state machine's state
                            (default: the Retry's own intervals and backoff)
  --host ADDR               where the REST, WebSocket, S3, CloudFront, Cognito and
                            sign-in endpoints listen
                            (default 127.0.0.1; 0.0.0.0 for a phone on this network);
                            internal services always listen on 127.0.0.1 only
  --public-host HOST        the host written into URLs, tokens' issuer and outputs.json
                            (default: --host, or this machine's first network
                            address when --host is 0.0.0.0 or ::)
  --help`;

export type ParsedCommandLine =
  { help: true; usage: string } | { help: false; options: Omit<SandboxOptions, 'log'> };

export function usageText(services: readonly SandboxService[]): string {
  const portLines = services.flatMap(({ port }) =>
    port
      ? [`  ${`--${port.flag} N`.padEnd(26)}${port.description} (default ${port.defaultPort})`]
      : [],
  );
  return [
    'Usage: npm start -- [options]',
    '',
    ...portLines,
    '                            (every port accepts 0 for a free one)',
    SANDBOX_USAGE,
  ].join('\n');
}

export function parseCommandLine(
  args: string[],
  services: readonly SandboxService[],
): ParsedCommandLine {
  const portOptions: OptionSpecs = Object.fromEntries(
    services.flatMap(({ port }) =>
      port ? [[port.flag, { type: 'string', default: String(port.defaultPort) }]] : [],
    ),
  );
  const { values } = parseArgs({
    args: gatherParameterOverrides(args),
    options: { ...portOptions, ...SANDBOX_OPTIONS },
  });
  if (values.help) return { help: true, usage: usageText(services) };
  const given: Record<string, unknown> = values;
  const ports: Record<string, number> = {};
  for (const { name, port } of services) {
    if (port) ports[name] = portNumber(port.flag, String(given[port.flag]));
  }
  const retryDelay = values['async-retry-delay-ms'];
  const stateRetryDelay = values['state-retry-delay-ms'];
  const { host, 'public-host': publicHost } = values;
  return {
    help: false,
    options: {
      templatePath: resolve(values.template),
      stateDir: resolve(values['state-dir']),
      inMemory: values['in-memory'],
      ports,
      parameterOverrides: parseParameterOverrides(values['parameter-overrides']),
      quiet: values.quiet,
      verbose: values.verbose,
      watch: !values['no-watch'],
      ...(typeof retryDelay === 'string' && {
        asyncRetryDelayMs: milliseconds('async-retry-delay-ms', retryDelay),
      }),
      ...(typeof stateRetryDelay === 'string' && {
        stateRetryDelayMs: milliseconds('state-retry-delay-ms', stateRetryDelay),
      }),
      ...(host !== undefined && { host: ipAddress('host', host) }),
      ...(publicHost !== undefined && { publicHost: hostName('public-host', publicHost) }),
    },
  };
}

function portNumber(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`--${flag} must be a port number, got "${value}"`);
  }
  return parsed;
}

function milliseconds(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`--${flag} must be a whole number of milliseconds, got "${value}"`);
  }
  return parsed;
}

function ipAddress(flag: string, value: string): string {
  if (isIP(value) === 0) throw new Error(`--${flag} must be an IP address, got "${value}"`);
  return value;
}

// A host only: the scheme and the ports are the sandbox's own.
function hostName(flag: string, value: string): string {
  if (isIP(value) !== 0 || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(value)) return value;
  throw new Error(
    `--${flag} must be a host name or an IP address (no scheme or port), got "${value}"`,
  );
}
