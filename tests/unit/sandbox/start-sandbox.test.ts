import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EarlyDynamoDbLocal } from '../../../sandbox/dynamodb/early-start';
import type {
  SandboxContext,
  SandboxOptions,
  SandboxService,
  StartedService,
} from '../../../sandbox/services/contract';
import { startSandbox } from '../../../sandbox/start-sandbox';

const BARE_TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Topic:
    Type: AWS::SNS::Topic
`;

const TEMPLATE_WITH_OUTPUTS = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Greeting:
    Type: String
    Default: hello
Resources:
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  TopicArn:
    Value: !GetAtt Topic.Arn
  GreetingUrl:
    Value: !Sub 'https://greeting.example.com/\${Greeting}'
`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-sandbox-'));
  writeFileSync(join(dir, 'bare.yaml'), BARE_TEMPLATE);
  writeFileSync(join(dir, 'with-outputs.yaml'), TEMPLATE_WITH_OUTPUTS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function optionsWith(ports: Record<string, number> = {}, template = 'bare.yaml'): SandboxOptions {
  return {
    templatePath: join(dir, template),
    stateDir: join(dir, 'state'),
    inMemory: true,
    ports,
    parameterOverrides: {},
    quiet: true,
    watch: false,
    log: () => undefined,
  };
}

/** A service that records its start and stop in `events`. */
function fakeService(
  name: string,
  events: string[],
  start: (context: SandboxContext) => Omit<StartedService, 'stop'> = () => ({}),
  port?: SandboxService['port'],
): SandboxService {
  return {
    name,
    label: name,
    ...(port && { port }),
    load: async () => ({
      start: async (context) => {
        events.push(`start ${name}`);
        return { ...start(context), stop: async () => void events.push(`stop ${name}`) };
      },
    }),
  };
}

describe('startSandbox', () => {
  it('starts the services in the table order and stops them in reverse order', async () => {
    const events: string[] = [];
    const services = ['first', 'second', 'third'].map((name) => fakeService(name, events));

    const sandbox = await startSandbox(optionsWith(), services);
    await sandbox.stop();

    expect(events).toEqual([
      'start first',
      'start second',
      'start third',
      'stop third',
      'stop second',
      'stop first',
    ]);
  });

  it('removes the outputs an earlier start left before any service starts', async () => {
    const options = optionsWith();
    const leftOver = join(options.stateDir, 'outputs.json');
    mkdirSync(options.stateDir, { recursive: true });
    writeFileSync(leftOver, '{"ApiUrl":"http://127.0.0.1:1/stale"}');
    const seen: boolean[] = [];
    const service = fakeService('reader', [], () => {
      seen.push(existsSync(leftOver));
      return {};
    });

    const sandbox = await startSandbox(options, [service]);
    await sandbox.stop();

    expect(seen).toEqual([false]);
  });

  it('stops the services already started, in reverse order, when one fails to start', async () => {
    const events: string[] = [];
    const failing: SandboxService = {
      name: 'failing',
      label: 'failing',
      load: async () => ({
        start: async () => {
          throw new Error('no luck');
        },
      }),
    };
    const services = [fakeService('first', events), fakeService('second', events), failing];

    const started = startSandbox(optionsWith(), services);

    await expect(started).rejects.toThrow('no luck');
    expect(events).toEqual(['start first', 'start second', 'stop second', 'stop first']);
  });

  it('shows a later service the endpoint, environment and resources of an earlier one', async () => {
    const seen: Record<string, unknown> = {};
    const services = [
      fakeService('queue', [], () => ({
        endpoint: 'http://127.0.0.1:1234',
        environment: { AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:1234' },
        resources: { Topic: { ref: 'topic-ref', attributes: { Arn: 'arn:local:topic' } } },
      })),
      fakeService('consumer', [], (context) => {
        seen.endpoint = context.endpointOf('queue');
        seen.environment = { ...context.environment };
        seen.topic = context.resolve.resources.Topic;
        return {};
      }),
    ];

    const sandbox = await startSandbox(optionsWith(), services);
    await sandbox.stop();

    expect(seen).toEqual({
      endpoint: 'http://127.0.0.1:1234',
      environment: expect.objectContaining({ AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:1234' }),
      topic: { ref: 'topic-ref', attributes: { Arn: 'arn:local:topic' } },
    });
  });

  it('resolves the outputs with what the services gave, localized, plus their own outputs', async () => {
    const services = [
      fakeService('topics', [], () => ({
        resources: { Topic: { ref: 'topic-ref', attributes: { Arn: 'arn:local:topic' } } },
        outputs: { TopicsEndpoint: 'http://127.0.0.1:1' },
      })),
      fakeService('greetings', [], () => ({
        parameters: { Greeting: 'local' },
        localize: (values) =>
          Object.fromEntries(
            Object.entries(values).map(([key, value]) => [
              key,
              value.replace('https://greeting.example.com', 'http://127.0.0.1:2'),
            ]),
          ),
      })),
    ];

    const sandbox = await startSandbox(optionsWith({}, 'with-outputs.yaml'), services);
    await sandbox.stop();

    expect(sandbox.outputs).toEqual({
      TopicArn: 'arn:local:topic',
      GreetingUrl: 'http://127.0.0.1:2/local',
      TopicsEndpoint: 'http://127.0.0.1:1',
    });
  });

  it('gives a port-owning service a free port when 0 is asked for', async () => {
    let port = -1;
    const service = fakeService(
      'listener',
      [],
      (context) => {
        port = context.portOf('listener');
        return {};
      },
      { flag: 'listener-port', defaultPort: 1, description: 'a listener' },
    );

    const sandbox = await startSandbox(optionsWith({ listener: 0 }), [service]);
    await sandbox.stop();

    expect(port).toBeGreaterThan(0);
  });

  it('starts a row that needs nothing while the row above it is still starting', async () => {
    const events: string[] = [];
    let finishSlow: () => void = () => undefined;
    const slow: SandboxService = {
      name: 'slow',
      label: 'slow',
      load: async () => ({
        start: async () => {
          events.push('start slow');
          await new Promise<void>((resolve) => (finishSlow = resolve));
          events.push('slow ready');
          return { stop: async () => undefined };
        },
      }),
    };
    const early: SandboxService = {
      ...fakeService('early', events, () => {
        finishSlow();
        return {};
      }),
      needs: [],
    };

    const sandbox = await startSandbox(optionsWith(), [slow, early]);
    await sandbox.stop();

    expect(events.slice(0, 3)).toEqual(['start slow', 'start early', 'slow ready']);
  });

  it('waits for the rows a row needs, not for the rows between', async () => {
    const events: string[] = [];
    const slowSecond: SandboxService = {
      name: 'second',
      label: 'second',
      load: async () => ({
        start: async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          events.push('second ready');
          return { stop: async () => undefined };
        },
      }),
    };
    const services: SandboxService[] = [
      fakeService('first', events),
      slowSecond,
      { ...fakeService('third', events), needs: ['first'] },
    ];

    const sandbox = await startSandbox(optionsWith(), services);
    await sandbox.stop();

    expect(events.slice(0, 3)).toEqual(['start first', 'start third', 'second ready']);
  });

  it('refuses a row that needs a row below it', async () => {
    const services: SandboxService[] = [
      { ...fakeService('first', []), needs: ['second'] },
      fakeService('second', []),
    ];

    const started = startSandbox(optionsWith(), services);

    await expect(started).rejects.toThrow('first needs second, which is not a row above it');
  });

  it('stops a row that started early when a row above it fails', async () => {
    const events: string[] = [];
    const failing: SandboxService = {
      name: 'failing',
      label: 'failing',
      load: async () => ({
        start: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('no luck');
        },
      }),
    };
    const services = [failing, { ...fakeService('early', events), needs: [] }];

    const started = startSandbox(optionsWith(), services);

    await expect(started).rejects.toThrow('no luck');
    expect(events).toEqual(['start early', 'stop early']);
  });
});

describe('startSandbox with a JVM spawned before it', () => {
  const dynamodbPort = { flag: 'dynamodb-port', defaultPort: 8000, description: 'DynamoDB' };

  /** Stands in for the early JVM: records what happened to it. */
  function earlyJvm(events: string[], port: number): EarlyDynamoDbLocal {
    return {
      port,
      dataDir: undefined,
      spawnedMs: 0,
      adopt: () => {
        events.push('adopted');
        return {} as ReturnType<EarlyDynamoDbLocal['adopt']>;
      },
      abandon: async () => void events.push('abandoned'),
    };
  }

  it("takes the early JVM's port as the dynamodb row's without checking it free", async () => {
    const events: string[] = [];
    let portSeen = 0;
    const dynamodb = fakeService(
      'dynamodb',
      events,
      (context) => {
        portSeen = context.portOf('dynamodb');
        context.early.dynamoDbLocal?.adopt({ port: portSeen, dataDir: undefined });
        return {};
      },
      dynamodbPort,
    );
    // A port something listens on: a check would fail the start.
    const holder = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    const held = (holder.address() as { port: number }).port;
    try {
      const options = {
        ...optionsWith({ dynamodb: held }),
        early: { dynamoDbLocal: earlyJvm(events, held) },
      };

      const sandbox = await startSandbox(options, [dynamodb]);
      await sandbox.stop();
    } finally {
      holder.close();
    }

    expect(portSeen).toBe(held);
    expect(events).toEqual(['start dynamodb', 'adopted', 'stop dynamodb']);
  });

  it('stops the early JVM when the start fails before a row adopted it', async () => {
    const events: string[] = [];
    const options = {
      ...optionsWith({}, 'missing.yaml'),
      early: { dynamoDbLocal: earlyJvm(events, 8000) },
    };

    const started = startSandbox(options, [
      fakeService('dynamodb', events, () => ({}), dynamodbPort),
    ]);

    await expect(started).rejects.toThrow();
    expect(events).toEqual(['abandoned']);
  });
});
