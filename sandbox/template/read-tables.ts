import type { TableSpec } from './model';
import { resolveValue } from './resolve';
import type { ResolveContext } from './resolve';
import { listOrEmpty, recordOrEmpty, resolveOptionalText, resolveText } from './template-document';
import type { TemplateResource } from './template-document';

type KeySchema = TableSpec['keySchema'];
type SecondaryIndexes = TableSpec['globalSecondaryIndexes'];

const SIMPLE_TABLE_TYPES: Record<string, 'S' | 'N' | 'B'> = {
  String: 'S',
  Number: 'N',
  Binary: 'B',
};

/** `AWS::DynamoDB::Table` and SAM's `AWS::Serverless::SimpleTable`. */
export function readTables(resources: TemplateResource[], ctx: ResolveContext): TableSpec[] {
  return resources.flatMap((resource) => {
    if (resource.type === 'AWS::DynamoDB::Table') return [readTable(resource, ctx)];
    if (resource.type === 'AWS::Serverless::SimpleTable') return [readSimpleTable(resource, ctx)];
    return [];
  });
}

function tableName(resource: TemplateResource, ctx: ResolveContext): string {
  const where = `${resource.logicalId}.TableName`;
  return resolveOptionalText(resource.properties.TableName, ctx, where) ?? resource.logicalId;
}

function readTable(resource: TemplateResource, ctx: ResolveContext): TableSpec {
  const properties = resolveTableShape(resource, ctx);
  const stream = recordOrEmpty(properties.StreamSpecification);
  const ttl = recordOrEmpty(properties.TimeToLiveSpecification);
  const localIndexes = listOrEmpty(properties.LocalSecondaryIndexes) as SecondaryIndexes;
  return {
    logicalId: resource.logicalId,
    tableName: tableName(resource, ctx),
    attributeDefinitions: listOrEmpty(
      properties.AttributeDefinitions,
    ) as TableSpec['attributeDefinitions'],
    keySchema: listOrEmpty(properties.KeySchema) as KeySchema,
    globalSecondaryIndexes: listOrEmpty(properties.GlobalSecondaryIndexes).map(secondaryIndex),
    ...(localIndexes.length > 0 && { localSecondaryIndexes: localIndexes.map(secondaryIndex) }),
    ...(typeof stream.StreamViewType === 'string' && {
      streamViewType: stream.StreamViewType as TableSpec['streamViewType'],
    }),
    ...(ttl.Enabled === true &&
      typeof ttl.AttributeName === 'string' && { ttlAttribute: ttl.AttributeName }),
  };
}

// Only the parts DynamoDB Local needs: provisioned throughput and contributor insights are dropped.
function secondaryIndex(index: unknown): SecondaryIndexes[number] {
  const { IndexName, KeySchema, Projection } = recordOrEmpty(index);
  return { IndexName, KeySchema, Projection } as SecondaryIndexes[number];
}

function readSimpleTable(resource: TemplateResource, ctx: ResolveContext): TableSpec {
  const key = recordOrEmpty(resource.properties.PrimaryKey);
  const name =
    key.Name === undefined
      ? 'id'
      : resolveText(key.Name, ctx, `${resource.logicalId}.PrimaryKey.Name`);
  const type =
    key.Type === undefined
      ? 'String'
      : resolveText(key.Type, ctx, `${resource.logicalId}.PrimaryKey.Type`);
  const attributeType = SIMPLE_TABLE_TYPES[type];
  if (!attributeType)
    throw new Error(`${resource.logicalId}.PrimaryKey.Type must be String, Number or Binary`);
  return {
    logicalId: resource.logicalId,
    tableName: tableName(resource, ctx),
    attributeDefinitions: [{ AttributeName: name, AttributeType: attributeType }],
    keySchema: [{ AttributeName: name, KeyType: 'HASH' }],
    globalSecondaryIndexes: [],
  };
}

// Only the properties that shape the local table are resolved: others (KMS keys, Kinesis
// destinations) may refer to resources the sandbox does not run.
const TABLE_SHAPE = [
  'AttributeDefinitions',
  'KeySchema',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
  'StreamSpecification',
  'TimeToLiveSpecification',
];

function resolveTableShape(
  resource: TemplateResource,
  ctx: ResolveContext,
): Record<string, unknown> {
  const shape: Record<string, unknown> = {};
  for (const name of TABLE_SHAPE) {
    const value = resource.properties[name];
    if (value !== undefined)
      shape[name] = resolveValue(value, ctx, `${resource.logicalId}.${name}`);
  }
  return shape;
}
