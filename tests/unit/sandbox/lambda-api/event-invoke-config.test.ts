import { readEventInvokeConfigs } from '../../../../sandbox/lambda-api/event-invoke-config';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';
import { parseTemplate } from '../../../../sandbox/template/parse';
import type { ResolveContext } from '../../../../sandbox/template/resolve';
import type { SandboxModel } from '../../../../sandbox/template/model';
import { templateFixtures } from '../template/template-fixtures';

const queues = {
  MediaProcessingDeadLetterQueue: { ref: 'url-2', attributes: { Arn: 'arn:aws:sqs:::media' } },
};

function contextOf(model: SandboxModel): ResolveContext {
  return { parameters: model.parameters, resources: queues, pseudo: LOCAL_PSEUDO_PARAMETERS };
}

const parseFixture = templateFixtures('event-invoke-config');

function functionWith(eventInvokeConfig: string): SandboxModel {
  return parseFixture(
    `
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: fn/
      Handler: index.handler
      Runtime: nodejs24.x
      EventInvokeConfig: ${eventInvokeConfig}
`,
  );
}

describe('EventInvokeConfig', () => {
  it("reads template.yaml's OnFailure queue for media processing", () => {
    const model = parseTemplate('template.yaml');

    const configs = readEventInvokeConfigs(model, contextOf(model));

    expect(configs.get('MediaProcessorFunction')?.onFailure).toEqual({
      type: 'SQS',
      arn: 'arn:aws:sqs:::media',
    });
    expect(configs.get('DataApiFunction')).toEqual({
      maximumRetryAttempts: 2,
      maximumEventAgeSeconds: 21_600,
    });
  });

  it('reads the retries, the event age and both destinations', () => {
    const model = functionWith(`
        MaximumRetryAttempts: 0
        MaximumEventAgeInSeconds: 120
        DestinationConfig:
          OnSuccess: { Type: SNS, Destination: arn:aws:sns:us-east-1:1:done }
          OnFailure: { Type: SQS, Destination: arn:aws:sqs:us-east-1:1:failed }`);

    expect(readEventInvokeConfigs(model, contextOf(model)).get('Fn')).toEqual({
      maximumRetryAttempts: 0,
      maximumEventAgeSeconds: 120,
      onSuccess: { type: 'SNS', arn: 'arn:aws:sns:us-east-1:1:done' },
      onFailure: { type: 'SQS', arn: 'arn:aws:sqs:us-east-1:1:failed' },
    });
  });

  it.each([
    ['MaximumRetryAttempts: 3', /MaximumRetryAttempts must be a whole number from 0 to 2/],
    ['MaximumEventAgeInSeconds: 30', /MaximumEventAgeInSeconds must be a whole number from 60/],
  ])('refuses %s, as Lambda does', (setting, message) => {
    const model = functionWith(`{ ${setting} }`);

    expect(() => readEventInvokeConfigs(model, contextOf(model))).toThrow(message);
  });
});
