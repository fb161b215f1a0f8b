import { parseCommandLine, usageText } from '../../../sandbox/cli';
import { SANDBOX_SERVICES } from '../../../sandbox/services/table';

// The flags and defaults README.md documents; scripts and env.json rely on them.
const DOCUMENTED_PORTS = {
  port: 3000,
  'websocket-port': 3002,
  'docs-port': 3003,
  'dynamodb-port': 8000,
  'cognito-port': 9229,
  'sign-in-port': 9230,
  'cognito-identity-port': 9231,
  'lambda-port': 3001,
  'sqs-port': 4566,
  's3-port': 4569,
  'search-port': 4571,
  'push-port': 4575,
  'secrets-manager-port': 4584,
  'step-functions-port': 4590,
  'cloudfront-port': 4588,
};

const portServices = SANDBOX_SERVICES.flatMap((service) =>
  service.port ? [{ name: service.name, ...service.port }] : [],
);

function optionsOf(args: string[]) {
  const parsed = parseCommandLine(args, SANDBOX_SERVICES);
  if (parsed.help) throw new Error('expected options, got the usage text');
  return parsed.options;
}

describe('the command line of npm start', () => {
  it('offers exactly the documented port options with their documented defaults', () => {
    const offered = Object.fromEntries(
      portServices.map(({ flag, defaultPort }) => [flag, defaultPort]),
    );

    expect(offered).toEqual(DOCUMENTED_PORTS);
  });

  it.each(portServices)(
    'names --$flag and its default in the usage text',
    ({ flag, defaultPort }) => {
      const usage = usageText(SANDBOX_SERVICES);

      expect(usage).toMatch(new RegExp(`^  --${flag} N .*\\(default ${defaultPort}\\)$`, 'm'));
    },
  );

  it('answers --help with the usage text', () => {
    const parsed = parseCommandLine(['--help'], SANDBOX_SERVICES);

    expect(parsed).toEqual({ help: true, usage: usageText(SANDBOX_SERVICES) });
  });

  it('gives every service its default port, keyed by service name', () => {
    const { ports } = optionsOf([]);

    expect(ports).toEqual(
      Object.fromEntries(portServices.map(({ name, defaultPort }) => [name, defaultPort])),
    );
  });

  it.each(portServices)('moves $name with --$flag', ({ name, flag }) => {
    const { ports } = optionsOf([`--${flag}`, '0']);

    expect(ports[name]).toBe(0);
  });

  it('refuses a port that is not a port number, naming the option', () => {
    expect(() => optionsOf(['--sqs-port', '70000'])).toThrow(
      '--sqs-port must be a port number, got "70000"',
    );
  });

  it('reads repeated and space-separated parameter overrides', () => {
    const { parameterOverrides } = optionsOf([
      '--parameter-overrides',
      'StageName=dev LogLevel=DEBUG',
      '--parameter-overrides',
      'AllowedOrigin=https://app.example.com/?a=b',
    ]);

    expect(parameterOverrides).toEqual({
      StageName: 'dev',
      LogLevel: 'DEBUG',
      AllowedOrigin: 'https://app.example.com/?a=b',
    });
  });

  it('reads overrides given as separate words, as SAM CLI users type them', () => {
    const { parameterOverrides, quiet } = optionsOf([
      '--parameter-overrides',
      'StageName=dev',
      'LogLevel=DEBUG',
      '--quiet',
    ]);

    expect(parameterOverrides).toEqual({ StageName: 'dev', LogLevel: 'DEBUG' });
    expect(quiet).toBe(true);
  });

  it('reads the ParameterKey=K,ParameterValue=V form, quoted values and empty ones', () => {
    const { parameterOverrides } = optionsOf([
      '--parameter-overrides',
      'ParameterKey=StageName,ParameterValue=dev',
      'Greeting="hello world"',
      'ApnsCredentialsSecretArn=',
    ]);

    expect(parameterOverrides).toEqual({
      StageName: 'dev',
      Greeting: 'hello world',
      ApnsCredentialsSecretArn: '',
    });
  });

  it('refuses an override that is not KEY=VALUE, naming it', () => {
    expect(() => optionsOf(['--parameter-overrides', 'StageName'])).toThrow('"StageName"');
  });

  it('keeps the asynchronous retry delay only when it is given', () => {
    expect(optionsOf(['--async-retry-delay-ms', '200']).asyncRetryDelayMs).toBe(200);
    expect(optionsOf([])).not.toHaveProperty('asyncRetryDelayMs');
  });

  it("keeps the state machines' retry delay only when it is given", () => {
    expect(optionsOf(['--state-retry-delay-ms', '100']).stateRetryDelayMs).toBe(100);
    expect(optionsOf([])).not.toHaveProperty('stateRetryDelayMs');
    expect(() => optionsOf(['--state-retry-delay-ms', 'soon'])).toThrow(/state-retry-delay-ms/);
  });
});

describe('the bind and public hosts of npm start', () => {
  it('leaves both hosts to the sandbox when none is given', () => {
    const options = optionsOf([]);

    expect([options.host, options.publicHost]).toEqual([undefined, undefined]);
  });

  it('takes --host and --public-host', () => {
    const options = optionsOf(['--host', '0.0.0.0', '--public-host', '10.0.2.2']);

    expect([options.host, options.publicHost]).toEqual(['0.0.0.0', '10.0.2.2']);
  });

  it('refuses a --host that is not an IP address', () => {
    expect(() => optionsOf(['--host', 'my laptop'])).toThrow(/--host must be an IP address/);
  });

  it('refuses a --public-host with a scheme or a port', () => {
    expect(() => optionsOf(['--public-host', 'http://192.168.1.23:3000'])).toThrow(
      /--public-host must be a host name or an IP address/,
    );
  });

  it.each(['host', 'public-host'])('names --%s in the usage text', (flag) => {
    expect(usageText(SANDBOX_SERVICES)).toMatch(new RegExp(`^  --${flag} `, 'm'));
  });
});
