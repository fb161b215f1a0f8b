import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { sandboxOutputs } from './support/outputs';
import { localPushParameters } from '../../sandbox/secrets/push-credentials';
import { parseTemplate } from '../../sandbox/template/parse';
import { LOCAL_PSEUDO_PARAMETERS } from '../../sandbox/template/pseudo-parameters';

// What `sam local invoke <Function> -e events/<folder>/<event>.json` does,
// against the sandbox: every sample event is shaped so that its function
// handles it, whatever the data it names holds.

// As the sandbox reads it: with push on, so with the push custom resource's function.
const declared = parseTemplate('template.yaml').parameters;
const model = parseTemplate(
  'template.yaml',
  localPushParameters(declared, {}, LOCAL_PSEUDO_PARAMETERS),
);
const functionOfFolder = new Map(
  model.functions.map((fn) => [fn.codeUri.split('/').filter(Boolean).at(-1) ?? '', fn.logicalId]),
);
const samples = readdirSync('events', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(join('events', folder.name))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [`${folder.name}/${file}`, folder.name] as const),
  );

let lambda: LambdaClient;
beforeAll(() => {
  lambda = new LambdaClient({
    endpoint: sandboxOutputs().LambdaEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(() => lambda.destroy());

it('has a function for every folder of sample events', () => {
  expect(samples.length).toBeGreaterThan(20);
  expect(samples.filter(([, folder]) => !functionOfFolder.has(folder))).toEqual([]);
});

it.each(samples)('events/%s is handled by its function', async (sample, folder) => {
  const result = await lambda.send(
    new InvokeCommand({
      FunctionName: functionOfFolder.get(folder),
      Payload: readFileSync(join('events', sample)),
    }),
  );
  const payload = JSON.parse(Buffer.from(result.Payload ?? []).toString()) as {
    statusCode?: number;
    errorMessage?: string;
  };

  if (folder === 'websocket-authorizer') {
    // Its sample token is a placeholder: a REQUEST authorizer refuses by throwing Unauthorized.
    expect(payload.errorMessage).toBe('Unauthorized');
  } else if (folder === 'push-platform-applications' || folder === 'media-signing-key') {
    // A custom resource answers CloudFormation at the event's ResponseURL, a placeholder
    // here: the Delete is done, and only the reply cannot be sent (which Lambda retries).
    expect(payload.errorMessage).toMatch(/^CloudFormation's response URL could not be reached/);
  } else if (folder === 'cursor-key-rotation') {
    // Secrets Manager names the token's AWSPENDING version before it invokes a step; the
    // sample's token names none, so the step refuses it and changes nothing.
    expect(payload.errorMessage).toMatch(/has no version .* to rotate to/);
  } else {
    expect(result.FunctionError).toBeUndefined();
    expect(payload.statusCode ?? 200).toBeLessThan(500);
  }
});
