import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { GetPlatformApplicationAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { keptPolicyReach } from '../../../sandbox/custom-resources/kept-results';
import {
  runCustomResources,
  serviceTokenFunctions,
} from '../../../sandbox/custom-resources/run-custom-resources';
import { KEPT_PUSH_ACTIONS } from '../../../sandbox/push/kept-applications';
import { startLocalPush, type LocalPush } from '../../../sandbox/push/server';
import { buildAll, functionDir } from '../../../sandbox/runtime/build';
import { createFunctionHost, type FunctionHost } from '../../../sandbox/runtime/function-host';
import { localCredentials } from '../../../sandbox/runtime/lambda-environment';
import { createLocalSecrets } from '../../../sandbox/secrets/local-secrets';
import { localPushSecrets } from '../../../sandbox/secrets/push-credentials';
import {
  startLocalSecretsManager,
  type LocalSecretsManager,
} from '../../../sandbox/secrets/secrets-manager-server';
import { parseLocalTemplate } from '../../../sandbox/services/local-template';
import type { SandboxModel } from '../../../sandbox/template/model';
import { functionResources } from '../../../sandbox/template/local-resources';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import { resolveValue, type ResolveContext } from '../../../sandbox/template/resolve';
import { temporaryDir } from '../runtime/fixtures';

// The stack's push custom resources as the sandbox runs them at start: the
// real handler, built as sam build builds it, against the local SNS and
// Secrets Manager endpoints and the local test secrets.

const pseudo = LOCAL_PSEUDO_PARAMETERS;
const template = resolve('template.yaml');
const functionId = 'PushPlatformApplicationsFunction';
const noLog = () => undefined;

let outDir: string;
let push: LocalPush;
let secretsManager: LocalSecretsManager;
let host: FunctionHost;
let sns: SNSClient;

const PUSH_RESOURCE = 'Custom::PushPlatformApplication';
const isPushResource = (resource: { type: string }) => resource.type === PUSH_RESOURCE;

/** The template with its push custom resources only: the others have functions of their own. */
function modelWith(overrides: Record<string, string> = {}): SandboxModel {
  const model = parseLocalTemplate(template, overrides, pseudo);
  const others = (resource: { type: string }) =>
    resource.type.startsWith('Custom::') && !isPushResource(resource);
  return { ...model, resources: model.resources.filter((resource) => !others(resource)) };
}

function contextOf(model: SandboxModel): ResolveContext {
  return {
    parameters: model.parameters,
    // As the sandbox names them: the ServiceToken is the function's alias.
    resources: functionResources(model, pseudo),
    pseudo,
    conditions: model.conditions,
    mappings: model.mappings,
  };
}

beforeAll(async () => {
  outDir = await temporaryDir('push-custom-resources');
  push = await startLocalPush({
    port: 0,
    arnPrefix: 'arn:aws:sns:us-east-1:000000000000',
    log: noLog,
  });
  const secrets = createLocalSecrets({ secrets: localPushSecrets(), pseudo });
  secretsManager = await startLocalSecretsManager({
    port: 0,
    find: secrets.find,
    keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
  });
  const model = modelWith();
  const fn = model.functions.find((candidate) => candidate.logicalId === functionId);
  if (!fn) throw new Error(`${functionId} is not in the template with push on`);
  await buildAll({ functions: [fn], layers: model.layers }, outDir);
  host = createFunctionHost({
    fn,
    codeDir: functionDir(outDir, functionId),
    environment: {
      AWS_ENDPOINT_URL_SNS: push.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      POWERTOOLS_TRACE_ENABLED: 'false',
    },
    functionName: functionId,
    accountId: pseudo.accountId,
    logFile: join(outDir, 'functions.log'),
  });
  sns = new SNSClient({
    endpoint: push.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}, 120_000);

afterAll(async () => {
  sns.destroy();
  await host.close();
  await secretsManager.stop();
  await push.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('the push custom resources at sandbox start', () => {
  it('hosts the function behind them before the others', () => {
    const model = modelWith();

    expect([...serviceTokenFunctions(model, contextOf(model))]).toEqual([functionId]);
  });

  it('creates an application per platform from the local secrets, with the APNs token credentials', async () => {
    // prepare
    const model = modelWith();
    const ctx = contextOf(model);

    // act
    const created = await runCustomResources({
      model,
      ctx,
      hosts: new Map([[functionId, host]]),
      log: noLog,
    });

    // assess
    const apnsArn = 'arn:aws:sns:us-east-1:000000000000:app/APNS/mobile-backend-ios';
    expect(created.ApnsPlatformApplication).toEqual({ ref: apnsArn, attributes: { Arn: apnsArn } });
    expect(created.FcmPlatformApplication?.ref).toBe(
      'arn:aws:sns:us-east-1:000000000000:app/GCM/mobile-backend-android',
    );
    expect(ctx.resources.ApnsPlatformApplication?.ref).toBe(apnsArn);
    const { Attributes } = await sns.send(
      new GetPlatformApplicationAttributesCommand({ PlatformApplicationArn: apnsArn }),
    );
    expect(Attributes).toMatchObject({
      PlatformPrincipal: 'LOCALKEY01',
      ApplePlatformTeamID: 'LOCALTEAM1',
      ApplePlatformBundleID: 'dev.local.mobile-backend',
    });
  }, 30_000);

  it('creates an APNS_SANDBOX application for ApnsEnvironment=sandbox', async () => {
    const model = modelWith({ ApnsEnvironment: 'sandbox', FcmCredentialsSecretArn: '' });

    const created = await runCustomResources({
      model,
      ctx: contextOf(model),
      hosts: new Map([[functionId, host]]),
      log: noLog,
    });

    expect(Object.keys(created)).toEqual(['ApnsPlatformApplication']);
    expect(created.ApnsPlatformApplication?.ref).toMatch(/:app\/APNS_SANDBOX\/mobile-backend-ios$/);
  }, 30_000);

  it("stops with the handler's reason when it replies FAILED", async () => {
    const missing = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:nothing-here-local';
    const model = modelWith({ ApnsCredentialsSecretArn: missing, FcmCredentialsSecretArn: '' });

    const run = runCustomResources({
      model,
      ctx: contextOf(model),
      hosts: new Map([[functionId, host]]),
      log: noLog,
    });

    await expect(run).rejects.toThrow(
      /ApnsPlatformApplication \(Custom::PushPlatformApplication\) failed: .*ResourceNotFoundException/,
    );
  }, 30_000);

  it('are kept at a warm start: their function changes only secrets and kept platform applications', () => {
    const model = modelWith();
    const fn = model.functions.find((candidate) => candidate.logicalId === functionId);
    const policies = resolveValue(fn?.properties.Policies, contextOf(model), functionId);
    const snsState = { id: 'kept', actions: KEPT_PUSH_ACTIONS };

    expect(keptPolicyReach(policies, { sns: snsState })).toEqual({
      secrets: [
        model.parameters.ApnsCredentialsSecretArn,
        model.parameters.FcmCredentialsSecretArn,
      ].sort(),
      services: ['sns'],
    });
    expect(keptPolicyReach(policies, {})).toBeUndefined();
  });

  it('has no custom resource, and no function behind one, with push off', () => {
    const model = modelWith({ ApnsCredentialsSecretArn: '', FcmCredentialsSecretArn: '' });

    expect(model.functions.map((fn) => fn.logicalId)).not.toContain(functionId);
    expect(parseLocalTemplate(template, {}, pseudo).resources.some(isPushResource)).toBe(true);
    expect(model.resources.filter(isPushResource)).toEqual([]);
  });
});
