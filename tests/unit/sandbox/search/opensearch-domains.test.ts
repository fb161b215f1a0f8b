import { resolve } from 'node:path';
import {
  localizeOpenSearchUrls,
  openSearchDomainResources,
} from '../../../../sandbox/search/opensearch-domains';
import { parseTemplate } from '../../../../sandbox/template/parse';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';
import { resolveEnvironment, type ResolveContext } from '../../../../sandbox/template/resolve';

const endpoint = 'http://127.0.0.1:4571';

function searchEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  const model = parseTemplate(resolve('template.yaml'), overrides);
  const ctx: ResolveContext = {
    parameters: model.parameters,
    resources: openSearchDomainResources(model, endpoint, LOCAL_PSEUDO_PARAMETERS),
    pseudo: LOCAL_PSEUDO_PARAMETERS,
    conditions: model.conditions,
  };
  const fn = model.functions.find((candidate) => candidate.logicalId === 'SearchApiFunction');
  if (!fn) throw new Error('template.yaml has no SearchApiFunction');
  const { SEARCH_ENGINE, OPENSEARCH_ENDPOINT, OPENSEARCH_INDEX } = localizeOpenSearchUrls(
    resolveEnvironment(
      {
        ...fn,
        environment: { ...fn.environment, CURSOR_SIGNING_SECRET_ARN: '', APP_TABLE_NAME: '' },
      },
      ctx,
    ),
    endpoint,
  );
  return { SEARCH_ENGINE, OPENSEARCH_ENDPOINT, OPENSEARCH_INDEX } as Record<string, string>;
}

describe("the template's OpenSearch domain in the sandbox", () => {
  it('points the functions at the local endpoint over HTTP by default', () => {
    expect(searchEnvironment()).toEqual({
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_ENDPOINT: endpoint,
      OPENSEARCH_INDEX: 'items',
    });
  });

  it('has no domain and no OpenSearch endpoint with SearchEngine=cloudsearch', () => {
    const model = parseTemplate(resolve('template.yaml'), { SearchEngine: 'cloudsearch' });

    expect(openSearchDomainResources(model, endpoint, LOCAL_PSEUDO_PARAMETERS)).toEqual({});
    expect(searchEnvironment({ SearchEngine: 'cloudsearch' })).toMatchObject({
      SEARCH_ENGINE: 'cloudsearch',
      OPENSEARCH_ENDPOINT: '',
    });
  });

  it('gives the domain an ARN and an endpoint without scheme, as OpenSearch Service does', () => {
    const model = parseTemplate(resolve('template.yaml'));

    expect(openSearchDomainResources(model, endpoint, LOCAL_PSEUDO_PARAMETERS)).toEqual({
      SearchDomain: {
        ref: 'searchdomain',
        attributes: expect.objectContaining({
          DomainEndpoint: '127.0.0.1:4571',
          Arn: 'arn:aws:es:us-east-1:000000000000:domain/searchdomain',
        }),
      },
    });
  });

  it("rewrites only the local endpoint's https URLs", () => {
    const values = {
      A: 'https://127.0.0.1:4571',
      B: 'https://example.com',
      C: 'https://127.0.0.1:45710',
    };

    expect(localizeOpenSearchUrls(values, 'http://127.0.0.1:4571')).toEqual({
      A: 'http://127.0.0.1:4571',
      B: 'https://example.com',
      C: 'https://127.0.0.1:45710',
    });
  });
});
