import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { jest } from '@jest/globals';
import { join } from 'node:path';
import { cachedDocument } from '../../../../sandbox/template/document-cache';

let dir = '';
let cacheFile = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'document-cache-'));
  cacheFile = join(dir, 'records', 'template-document.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the parsed template kept between starts', () => {
  it('parses once and reads the same text back without parsing', () => {
    const parse = jest.fn(() => ({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }));

    const first = cachedDocument(cacheFile, 'text', parse);
    const second = cachedDocument(cacheFile, 'text', parse);

    expect(second).toEqual(first);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('parses again when the text changed', () => {
    cachedDocument(cacheFile, 'old text', () => ({ version: 'old' }));

    const document = cachedDocument(cacheFile, 'new text', () => ({ version: 'new' }));

    expect(document).toEqual({ version: 'new' });
  });

  it('parses again when the cache file is unreadable', () => {
    cachedDocument(cacheFile, 'text', () => ({ version: 'first' }));
    writeFileSync(cacheFile, '{ not json');

    const document = cachedDocument(cacheFile, 'text', () => ({ version: 'second' }));

    expect(document).toEqual({ version: 'second' });
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).document).toEqual({ version: 'second' });
  });
});
