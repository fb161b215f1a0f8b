import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCloudFormationYaml } from '../../../sandbox/template/cloudformation-yaml';
import { recordOrEmpty } from '../../../sandbox/template/template-document';

// What the on-call is told about: every function's errors and throttles, and
// anything that lands in a dead-letter or failure queue. An alarm nobody hears
// is no alarm: each one notifies AlarmTopic when it fires and when it clears.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const template = recordOrEmpty(
  parseCloudFormationYaml(readFileSync(join(root, 'template.yaml'), 'utf8')),
);
type Resource = { Type: string; Properties: Record<string, unknown>; Condition?: string };
const resources = Object.entries(recordOrEmpty(template.Resources)).map(([id, value]) => ({
  id,
  ...(recordOrEmpty(value) as Resource),
}));
const alarms = resources.filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm');
const functions = resources.filter((resource) => resource.Type === 'AWS::Serverless::Function');

function alarmsOn(metricName: string, dimension: unknown) {
  return alarms.filter((alarm) => {
    const stats = Array.isArray(alarm.Properties.Metrics)
      ? alarm.Properties.Metrics.map(
          (query) => recordOrEmpty(recordOrEmpty(query).MetricStat).Metric,
        )
      : [alarm.Properties];
    return stats.some((stat) => {
      const metric = recordOrEmpty(stat);
      const dimensions = Array.isArray(metric.Dimensions) ? metric.Dimensions : [];
      return (
        metric.MetricName === metricName &&
        JSON.stringify(dimensions).includes(JSON.stringify(dimension))
      );
    });
  });
}

/** Queues that hold given-up work: redrive targets and Lambda OnFailure destinations. */
function failureQueues(): string[] {
  const text = JSON.stringify(resources);
  const targets = [
    ...text.matchAll(/"(?:deadLetterTargetArn|Destination)":\{"Fn::GetAtt":\["(\w+)","Arn"\]\}/g),
  ].map(([, id = '']) => id);
  return [...new Set(targets)].sort();
}

describe.each(functions.map((fn) => [fn.id, fn.Condition] as const))(
  'the alarms of %s',
  (functionId, condition) => {
    it.each(['Errors', 'Throttles'])('include one on its %s, with its condition', (metric) => {
      const found = alarmsOn(metric, { Name: 'FunctionName', Value: { Ref: functionId } });

      expect(found.map((alarm) => alarm.Condition)).toEqual([condition]);
    });
  },
);

describe('the failure queues', () => {
  it('include the redrive target and every OnFailure destination', () => {
    expect(failureQueues()).toEqual(
      expect.arrayContaining([
        'MediaProcessingDeadLetterQueue',
        'MessageDeadLetterQueue',
        'SearchIndexFailureQueue',
      ]),
    );
  });

  it.each(failureQueues())('%s raises an alarm from its first visible message', (queue) => {
    const found = alarmsOn('ApproximateNumberOfMessagesVisible', {
      Name: 'QueueName',
      Value: { 'Fn::GetAtt': [queue, 'QueueName'] },
    });

    expect(
      found.map((alarm) => [alarm.Properties.Threshold, alarm.Properties.ComparisonOperator]),
    ).toEqual([[0, 'GreaterThanThreshold']]);
  });
});

describe('every alarm', () => {
  it.each(alarms.map((alarm) => alarm.id))(
    '%s notifies AlarmTopic when it fires and clears',
    (id) => {
      const alarm = alarms.find((candidate) => candidate.id === id);

      expect([alarm?.Properties.AlarmActions, alarm?.Properties.OKActions]).toEqual([
        [{ Ref: 'AlarmTopic' }],
        [{ Ref: 'AlarmTopic' }],
      ]);
    },
  );
});

describe('AlarmTopic', () => {
  const topic = resources.find((resource) => resource.id === 'AlarmTopic');
  const subscription = resources.find((resource) => resource.Type === 'AWS::SNS::Subscription');

  it('is encrypted with a key CloudWatch may use (the AWS managed SNS key would refuse it)', () => {
    const key = resources.find((resource) => resource.Type === 'AWS::KMS::Key');
    const grantsCloudWatch = JSON.stringify(key?.Properties.KeyPolicy).includes(
      '"Service":"cloudwatch.amazonaws.com"',
    );

    expect([topic?.Properties.KmsMasterKeyId, grantsCloudWatch]).toEqual([{ Ref: key?.id }, true]);
  });

  it('has an email subscription only when AlarmEmail is given', () => {
    expect([subscription?.Condition, subscription?.Properties.Endpoint]).toEqual([
      'HasAlarmEmail',
      { Ref: 'AlarmEmail' },
    ]);
  });
});

describe('the operations dashboard', () => {
  const dashboard = resources.find((resource) => resource.Type === 'AWS::CloudWatch::Dashboard');
  const body = String(recordOrEmpty(dashboard?.Properties.DashboardBody)['Fn::Sub']);
  const known = new Set([
    ...resources.map((resource) => resource.id),
    ...Object.keys(recordOrEmpty(template.Parameters)),
    'AWS::Region',
    'AWS::StackName',
  ]);

  it('names only resources and parameters of the template', () => {
    const names = [...body.matchAll(/\$\{([\w:]+)(?:\.\w+)?\}/g)].map(([, name = '']) => name);

    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('is a JSON document once substituted', () => {
    const substituted = body.replace(/\$\{[^}]+\}/g, 'x');

    expect(() => JSON.parse(substituted) as unknown).not.toThrow();
  });

  it('has the widgets operations asked for', () => {
    const document = JSON.parse(body.replace(/\$\{[^}]+\}/g, 'x')) as {
      widgets: { properties: { title: string } }[];
    };

    expect(document.widgets.map((widget) => widget.properties.title)).toEqual(
      expect.arrayContaining([
        'Requests per route group',
        'Errors per route group',
        'Latency per route group (p99, ms)',
        'Cold starts per function',
        'Queue depths (messages visible)',
        'Queue and stream ages (s)',
        'Search outcomes',
        'Push outcomes',
        'Product: items created, messages sent, pushes delivered',
      ]),
    );
  });
});
