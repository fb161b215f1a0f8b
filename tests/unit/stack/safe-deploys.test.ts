import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCloudFormationYaml } from '../../../sandbox/template/cloudformation-yaml';
import { mergeGlobals } from '../../../sandbox/template/globals';
import { recordOrEmpty } from '../../../sandbox/template/template-document';
import { samTransformed, type TransformedTemplate } from './sam-transform';

// Every function deploys through CodeDeploy to its `live` alias and rolls back
// on its own alarms; whatever invokes a function must invoke that alias, or a
// deploy would change what runs with no canary and no rollback.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const templatePath = join(root, 'template.yaml');
const template = recordOrEmpty(parseCloudFormationYaml(readFileSync(templatePath, 'utf8')));
const resources = recordOrEmpty(template.Resources) as Record<
  string,
  { Type: string; Properties?: Record<string, unknown> }
>;
const functionGlobals = recordOrEmpty(recordOrEmpty(template.Globals).Function);
const functionIds = Object.keys(resources).filter(
  (id) => resources[id]?.Type === 'AWS::Serverless::Function',
);

function propertiesOf(functionId: string): Record<string, unknown> {
  return recordOrEmpty(mergeGlobals(functionGlobals, resources[functionId]?.Properties));
}

function rollbackAlarmsOf(functionId: string): Record<string, unknown>[] {
  const alarms = recordOrEmpty(propertiesOf(functionId).DeploymentPreference).Alarms;
  return (Array.isArray(alarms) ? alarms : []).map((alarm) => {
    const id = String(recordOrEmpty(alarm).Ref);
    return recordOrEmpty(resources[id]?.Properties);
  });
}

function watchesMetric(alarm: Record<string, unknown>, namespace: string, metric: string) {
  const stats = Array.isArray(alarm.Metrics)
    ? alarm.Metrics.map((query) => recordOrEmpty(recordOrEmpty(query).MetricStat).Metric)
    : [alarm];
  return stats.some(
    (stat) =>
      recordOrEmpty(stat).Namespace === namespace && recordOrEmpty(stat).MetricName === metric,
  );
}

function dimensionsOf(alarm: Record<string, unknown>): unknown[] {
  return Array.isArray(alarm.Dimensions) ? alarm.Dimensions : [];
}

const servesRestApi = (functionId: string) =>
  Object.values(recordOrEmpty(propertiesOf(functionId).Events)).some(
    (event) => recordOrEmpty(event).Type === 'Api',
  );

describe.each(functionIds)('%s in template.yaml', (functionId) => {
  it('publishes a version to an alias on every deploy', () => {
    expect(propertiesOf(functionId).AutoPublishAlias).toBe('live');
  });

  it('shifts traffic to it by the DeploymentStrategy parameter', () => {
    const preference = recordOrEmpty(propertiesOf(functionId).DeploymentPreference);

    expect(preference.Type).toEqual({ Ref: 'DeploymentStrategy' });
  });

  it('rolls back when its own Errors alarm fires', () => {
    const alarms = rollbackAlarmsOf(functionId).filter((alarm) =>
      watchesMetric(alarm, 'AWS/Lambda', 'Errors'),
    );

    expect(alarms.map(dimensionsOf)).toEqual([
      [{ Name: 'FunctionName', Value: { Ref: functionId } }],
    ]);
  });
});

describe.each(functionIds.filter(servesRestApi))('REST API function %s', (functionId) => {
  it('also rolls back on the REST API 5xx alarm, since handled errors are 500 answers', () => {
    const alarms = rollbackAlarmsOf(functionId);

    expect(alarms.some((alarm) => watchesMetric(alarm, 'AWS/ApiGateway', '5XXError'))).toBe(true);
  });
});

/** Logical ids of the functions a value names without a qualifier: `Ref`, `GetAtt .Arn` or `${Fn}` / `${Fn.Arn}`. */
function unqualifiedNames(value: unknown, functions: Set<string>): string[] {
  if (typeof value === 'string') {
    return [...value.matchAll(/\$\{([\w]+)(?:\.Arn)?\}/g)]
      .map(([, id = '']) => id)
      .filter((id) => functions.has(id));
  }
  if (Array.isArray(value)) return value.flatMap((item) => unqualifiedNames(item, functions));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') return functions.has(node.Ref) ? [node.Ref] : [];
  const getAtt = node['Fn::GetAtt'];
  if (Array.isArray(getAtt) && functions.has(String(getAtt[0]))) return [String(getAtt[0])];
  return Object.values(node).flatMap((item) => unqualifiedNames(item, functions));
}

// Naming the function itself is right where no invocation is routed: its own
// version and alias, its metrics, and settings SAM ties to a qualifier.
const NAMES_WITHOUT_INVOKING = new Set([
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
  'AWS::CloudWatch::Alarm',
  'AWS::CloudWatch::Dashboard',
]);

/** `resource → function` for every place that would invoke a function past its alias. */
function unqualifiedInvocations(transformed: TransformedTemplate): string[] {
  const functions = new Set(
    Object.keys(transformed.Resources).filter(
      (id) => transformed.Resources[id]?.Type === 'AWS::Lambda::Function',
    ),
  );
  return Object.entries(transformed.Resources).flatMap(([id, resource]) => {
    if (NAMES_WITHOUT_INVOKING.has(resource.Type)) return [];
    const properties = recordOrEmpty(resource.Properties);
    if (resource.Type === 'AWS::Lambda::EventInvokeConfig' && properties.Qualifier === 'live') {
      return [];
    }
    return unqualifiedNames(properties, functions).map((fn) => `${id} → ${fn}`);
  });
}

describe('template.yaml after the SAM transform', () => {
  let transformed: TransformedTemplate;
  beforeAll(() => {
    transformed = samTransformed(templatePath);
  });

  it('creates a live alias and a CodeDeploy deployment group for every function', () => {
    const typesOf = (type: string) =>
      Object.values(transformed.Resources).filter((resource) => resource.Type === type).length;

    expect([typesOf('AWS::Lambda::Alias'), typesOf('AWS::CodeDeploy::DeploymentGroup')]).toEqual([
      functionIds.length,
      functionIds.length,
    ]);
  });

  it('invokes every function through its alias: events, API integrations, permissions, custom resources, invokers', () => {
    expect(unqualifiedInvocations(transformed)).toEqual([]);
  });

  it('would name an integration that points at the unqualified function', () => {
    const tampered = structuredClone(transformed);
    const integration = tampered.Resources.WebSocketIntegration;
    if (!integration?.Properties) throw new Error('WebSocketIntegration is missing');
    integration.Properties.IntegrationUri = {
      'Fn::Sub': 'arn:aws:apigateway:us-east-1:lambda:path/functions/${WebSocketFunction.Arn}/x',
    };

    expect(unqualifiedInvocations(tampered)).toEqual(['WebSocketIntegration → WebSocketFunction']);
  });
});
