import { InvalidationError, InvalidationLog } from '../../../../sandbox/cloudfront/invalidations';

const batch = (reference: string, paths: string[]) =>
  `<InvalidationBatch><Paths><Quantity>${paths.length}</Quantity><Items>${paths
    .map((path) => `<Path>${path}</Path>`)
    .join('')}</Items></Paths><CallerReference>${reference}</CallerReference></InvalidationBatch>`;

describe('the local invalidation log', () => {
  it('records the paths of each invalidation and lists the newest first', () => {
    const log = new InvalidationLog(new Set(['E1']));

    const first = log.create('E1', batch('r1', ['/media/u/1']));
    const second = log.create('E1', batch('r2', ['/media/u/*', '/media/v/&amp;']));

    expect(log.get('E1', first.id).paths).toEqual(['/media/u/1']);
    expect(second.paths).toEqual(['/media/u/*', '/media/v/&']);
    expect(log.list('E1').map((entry) => entry.id)).toEqual([second.id, first.id]);
  });

  it('answers the same caller reference with the same invalidation, as CloudFront does', () => {
    const log = new InvalidationLog(new Set(['E1']));

    const first = log.create('E1', batch('r1', ['/a']));
    const again = log.create('E1', batch('r1', ['/a']));

    expect(again.id).toBe(first.id);
    expect(log.list('E1')).toHaveLength(1);
  });

  it('refuses an unknown distribution and a batch without paths', () => {
    const log = new InvalidationLog(new Set(['E1']));

    expect(() => log.create('E2', batch('r1', ['/a']))).toThrow(InvalidationError);
    expect(() => log.create('E1', batch('r1', []))).toThrow(
      'CallerReference and Paths are required.',
    );
  });
});
