import {
  CloudSearchDomainClient,
  SearchCommand,
  UploadDocumentsCommand,
} from '@aws-sdk/client-cloudsearch-domain';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CloudSearchIndex,
  endpointUrl,
} from '../../../../layers/domain/src/search/cloudsearch-index';
import { filterQueryOf } from '../../../../layers/domain/src/search/cloudsearch-query';
import type { SearchQuery } from '../../../../layers/domain/src/search/search-index';

const endpoints = { document: 'doc.example', search: 'search.example' };
const query: SearchQuery = {
  viewerId: 'viewer',
  text: 'bike',
  tags: ['red'],
  ownerId: 'owner',
  size: 10,
  start: 20,
};

describe('the CloudSearch index', () => {
  const cloudsearch = mockClient(CloudSearchDomainClient);

  beforeEach(() => {
    cloudsearch.reset();
  });

  afterEach(() => {
    cloudsearch.reset();
  });

  it('sends every search with the authorization filter of its viewer', async () => {
    cloudsearch.on(SearchCommand).resolves({ hits: { found: 0, hit: [] } });

    await new CloudSearchIndex(endpoints).search(query);

    const [search] = cloudsearch.commandCalls(SearchCommand);
    expect(search?.args[0].input).toMatchObject({
      filterQuery: filterQueryOf(query),
      size: 10,
      start: 20,
    });
  });

  it('answers with the hits and the number found', async () => {
    cloudsearch.on(SearchCommand).resolves({
      hits: { found: 7, hit: [{ id: 'a', fields: { owner_id: ['viewer'], title: ['Bike'] } }] },
    });

    const results = await new CloudSearchIndex(endpoints).search(query);

    expect(results).toMatchObject({
      found: 7,
      hits: [{ id: 'a', ownerId: 'viewer', title: 'Bike' }],
    });
  });

  it('answers no hits when the reply has none', async () => {
    cloudsearch.on(SearchCommand).resolves({});

    const results = await new CloudSearchIndex(endpoints).search(query);

    expect(results).toEqual({ found: 0, hits: [] });
  });

  it('refuses to search without a search endpoint', async () => {
    const index = new CloudSearchIndex({ document: 'doc.example' });

    await expect(index.search(query)).rejects.toThrow('CloudSearchIndex has no search endpoint');
    expect(cloudsearch.calls()).toHaveLength(0);
  });

  it('uploads changes as one JSON documents batch', async () => {
    cloudsearch.on(UploadDocumentsCommand).resolves({ status: 'success' });

    await new CloudSearchIndex(endpoints).apply([{ type: 'delete', id: 'a', version: 2 }]);

    const [upload] = cloudsearch.commandCalls(UploadDocumentsCommand);
    expect(upload?.args[0].input).toEqual({
      documents: JSON.stringify([{ type: 'delete', id: 'a' }]),
      contentType: 'application/json',
    });
  });

  it('sends nothing for no changes', async () => {
    await new CloudSearchIndex({}).apply([]);

    expect(cloudsearch.calls()).toHaveLength(0);
  });

  it('fails when CloudSearch does not accept a batch', async () => {
    cloudsearch.on(UploadDocumentsCommand).resolves({ status: 'error' });

    const upload = new CloudSearchIndex(endpoints).apply([{ type: 'delete', id: 'a', version: 2 }]);

    await expect(upload).rejects.toThrow('CloudSearch rejected a documents batch (status error)');
  });

  it('refuses to upload without a document endpoint', async () => {
    const index = new CloudSearchIndex({ search: 'search.example' });

    const upload = index.apply([{ type: 'delete', id: 'a', version: 2 }]);

    await expect(upload).rejects.toThrow('CloudSearchIndex has no document endpoint');
  });
});

describe('CloudSearch endpoints', () => {
  it.each([
    ['search-items.example', 'https://search-items.example'],
    ['http://127.0.0.1:4571', 'http://127.0.0.1:4571'],
    ['https://search.example', 'https://search.example'],
  ])('reads %j as %j', (endpoint, url) => {
    expect(endpointUrl(endpoint)).toBe(url);
  });
});
