import { parseTemplate } from '../../../../sandbox/template/parse';
import { readStreamEventSources } from '../../../../sandbox/streams/stream-event-sources';
import type { ResolveContext } from '../../../../sandbox/template/resolve';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';

describe('stream event sources from template.yaml', () => {
  it("reads SearchIndexerFunction's DynamoDB event with its retry, bisect and destination settings", () => {
    const model = parseTemplate('template.yaml');
    const ctx: ResolveContext = {
      parameters: model.parameters,
      resources: {
        SearchIndexFailureQueue: {
          ref: 'url',
          attributes: { Arn: 'arn:aws:sqs:us-east-1:0:q', QueueUrl: 'url' },
        },
      },
      pseudo: LOCAL_PSEUDO_PARAMETERS,
    };

    const sources = readStreamEventSources(model, ctx);

    expect(sources).toEqual([
      expect.objectContaining({
        functionLogicalId: 'SearchIndexerFunction',
        tableLogicalId: 'AppTable',
        startingPosition: 'TRIM_HORIZON',
        batchSize: 100,
        maximumBatchingWindowMs: 0,
        maximumRetryAttempts: 5,
        bisectBatchOnFunctionError: true,
        reportBatchItemFailures: true,
        onFailureArn: 'arn:aws:sqs:us-east-1:0:q',
        enabled: true,
      }),
    ]);
    expect(sources[0]?.filters).toHaveLength(2);
  });
});
