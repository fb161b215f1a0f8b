import { join } from 'node:path';
import { decodeEventKey } from '@mobile-backend/domain/media';
import {
  encodeEventKey,
  readS3NotificationTargets,
  s3EventRecord,
  targetMatches,
} from '../../../../sandbox/s3/event-notifications';
import { parseTemplate } from '../../../../sandbox/template/parse';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../../..');

describe('S3 event notifications', () => {
  it('reads the media processor as a target of ObjectCreated events under media/', () => {
    const targets = readS3NotificationTargets(parseTemplate(join(root, 'template.yaml')));

    expect(targets).toContainEqual({
      functionName: 'MediaProcessorFunction',
      configurationId: 'Uploaded',
      bucketLogicalId: 'MediaBucket',
      events: ['s3:ObjectCreated:*'],
      prefix: 'media/',
      suffix: '',
    });
  });

  it.each([
    ['ObjectCreated:Put', 'media/u/1', true],
    ['ObjectCreated:CompleteMultipartUpload', 'media/u/1', true],
    ['ObjectRemoved:Delete', 'media/u/1', false],
    ['ObjectCreated:Put', 'other/u/1', false],
  ])('%s of %s matches: %s', (eventName, key, matches) => {
    const target = {
      functionName: 'F',
      configurationId: 'C',
      bucketLogicalId: 'B',
      events: ['s3:ObjectCreated:*'],
      prefix: 'media/',
      suffix: '',
    };

    expect(targetMatches(target, { eventName, bucket: 'b', key })).toBe(matches);
  });

  it('encodes keys as S3 does, and the processor decodes them back', () => {
    const key = 'media/user 1/Photo (1)+é.jpg';

    const encoded = encodeEventKey(key);

    expect(encoded).toBe('media/user+1/Photo+%281%29%2B%C3%A9.jpg');
    expect(decodeEventKey(encoded)).toBe(key);
  });

  it('shapes a record like the ones S3 sends', () => {
    const record = s3EventRecord(
      {
        eventName: 'ObjectCreated:Put',
        bucket: 'media-b',
        key: 'media/a b',
        size: 3,
        eTag: '"abc"',
      },
      { region: 'us-east-1', accountId: '000000000000', configurationId: 'Uploaded' },
    );

    expect(record).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventName: 'ObjectCreated:Put',
      s3: {
        configurationId: 'Uploaded',
        bucket: { name: 'media-b', arn: 'arn:aws:s3:::media-b' },
        object: { key: 'media/a+b', size: 3, eTag: 'abc' },
      },
    });
    expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]+$/);
  });
});
