import { matchesFilters, parseFilterPatterns } from '../../../../sandbox/streams/event-filter';

const itemInsert = {
  eventName: 'INSERT',
  dynamodb: { NewImage: { entity: { S: 'item' }, version: { N: '1' }, tags: { L: [{ S: 'a' }] } } },
};
const itemRemove = { eventName: 'REMOVE', dynamodb: { OldImage: { entity: { S: 'item' } } } };
const profileInsert = { eventName: 'INSERT', dynamodb: { NewImage: { entity: { S: 'profile' } } } };

const templatePatterns = parseFilterPatterns([
  { Pattern: '{"dynamodb": {"NewImage": {"entity": {"S": ["item"]}}}}' },
  { Pattern: '{"dynamodb": {"OldImage": {"entity": {"S": ["item"]}}}}' },
]);

describe('Lambda event filtering', () => {
  it('passes item inserts and removes with the template patterns and drops other entities', () => {
    expect(matchesFilters(templatePatterns, itemInsert)).toBe(true);
    expect(matchesFilters(templatePatterns, itemRemove)).toBe(true);
    expect(matchesFilters(templatePatterns, profileInsert)).toBe(false);
  });

  it('passes everything when there are no patterns', () => {
    expect(matchesFilters([], profileInsert)).toBe(true);
  });

  it.each([
    [{ eventName: [{ prefix: 'INS' }] }, true],
    [{ eventName: [{ 'anything-but': ['INSERT', 'MODIFY'] }] }, false],
    [{ eventName: [{ 'anything-but': { prefix: 'REM' } }] }, true],
    [{ dynamodb: { OldImage: [{ exists: false }] } }, true],
    [{ dynamodb: { NewImage: { entity: [{ exists: true }] } } }, true],
    [{ dynamodb: { NewImage: { missing: { S: [{ exists: true }] } } } }, false],
    [{ eventName: [{ 'equals-ignore-case': 'insert' }] }, true],
    [{ eventName: [{ suffix: 'ERT' }] }, true],
    [{ eventName: ['MODIFY', 'INSERT'] }, true],
  ])('applies %j to an item insert: %s', (pattern, expected) => {
    expect(matchesFilters([pattern], itemInsert)).toBe(expected);
  });

  it('matches a value rule against any element of a list', () => {
    expect(matchesFilters([{ tags: ['b', 'a'] }], { tags: ['x', 'a'] })).toBe(true);
  });

  it('applies numeric ranges to numbers only', () => {
    const pattern = { size: [{ numeric: ['>', 0, '<=', 5] }] };

    expect(matchesFilters([pattern], { size: 5 })).toBe(true);
    expect(matchesFilters([pattern], { size: 6 })).toBe(false);
    expect(matchesFilters([pattern], { size: '5' })).toBe(false);
  });

  it('rejects a pattern that is not JSON', () => {
    expect(() => parseFilterPatterns([{ Pattern: '{nope' }])).toThrow(/not valid JSON/);
  });
});
