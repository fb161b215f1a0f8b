import { readFileSync } from 'node:fs';
import { accountDeletionAppConfig } from '@mobile-backend/domain/apps/account-deletion';
import { dataApiConfig } from '@mobile-backend/domain/apps/data-api';
import { mediaApiConfig } from '@mobile-backend/domain/apps/media-api';
import { mediaProcessorConfig } from '@mobile-backend/domain/apps/media-processor';
import { messageWorkerAppConfig } from '@mobile-backend/domain/apps/message-worker';
import { messagingApiConfig } from '@mobile-backend/domain/apps/messaging-api';
import { searchApiConfig } from '@mobile-backend/domain/apps/search-api';
import { searchIndexerConfig } from '@mobile-backend/domain/apps/search-indexer';
import { realtimeConfig } from '@mobile-backend/domain/apps/websocket';
import { webSocketAuthorizerConfig } from '@mobile-backend/domain/apps/websocket-authorizer';
import { parseTemplate } from '../../../sandbox/template/parse';

// `sam local invoke F --env-vars events/env.json` starts F with the variables
// the template declares for it: a literal value as written, a `!Ref` of a
// parameter as its default, any other intrinsic as nothing (sam local cannot
// resolve a stack's resources), then env.json's values on top, and the
// runtime's own AWS_REGION. Every function must pass its cold-start
// configuration check with exactly that.
type Environment = Record<string, string | undefined>;

const readers: Record<string, ((env: Environment) => unknown) | 'reads no configuration'> = {
  AccountDeletionFunction: accountDeletionAppConfig,
  DataApiFunction: dataApiConfig,
  MediaApiFunction: mediaApiConfig,
  MediaProcessorFunction: mediaProcessorConfig,
  MessageWorkerFunction: messageWorkerAppConfig,
  MessagingApiFunction: messagingApiConfig,
  SearchApiFunction: searchApiConfig,
  SearchIndexerFunction: searchIndexerConfig,
  WebSocketFunction: realtimeConfig,
  WebSocketAuthorizerFunction: webSocketAuthorizerConfig,
  // A custom resource: its properties come in the CloudFormation event.
  PushPlatformApplicationsFunction: 'reads no configuration',
};

const model = parseTemplate('template.yaml', {
  ApnsCredentialsSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:apns-AbCdEf',
});
const envJson = JSON.parse(readFileSync('events/env.json', 'utf8')) as Record<
  string,
  Record<string, string>
>;

function asSamLocalResolves(value: unknown): string {
  if (typeof value === 'string') return value;
  const ref = (value as { Ref?: unknown }).Ref;
  return typeof ref === 'string' ? (model.parameters[ref] ?? '') : '';
}

function samLocalEnvironment(logicalId: string): Environment {
  const fn = model.functions.find((candidate) => candidate.logicalId === logicalId);
  const declared = Object.entries(fn?.environment ?? {});
  const overrides = { ...envJson.Parameters, ...envJson[logicalId] };
  return {
    AWS_REGION: 'us-east-1',
    ...Object.fromEntries(
      declared.map(([name, value]) => [name, overrides[name] ?? asSamLocalResolves(value)]),
    ),
  };
}

describe('every function under sam local with events/env.json', () => {
  it('has a configuration check listed here', () => {
    expect(Object.keys(readers).sort()).toEqual(model.functions.map((fn) => fn.logicalId).sort());
  });

  it.each(Object.entries(readers))('%s passes its configuration check', (logicalId, read) => {
    if (read === 'reads no configuration') return;

    expect(() => read(samLocalEnvironment(logicalId))).not.toThrow();
  });
});
