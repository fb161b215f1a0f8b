import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxOptions, SandboxService } from '../../../../sandbox/services/contract';
import { SANDBOX_SERVICES } from '../../../../sandbox/services/table';
import { startSandbox } from '../../../../sandbox/start-sandbox';

// The search parts of template.yaml, with outputs that show what the sandbox
// resolves them to.
const SEARCH_TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  SearchEngine:
    Type: String
    Default: opensearch
    AllowedValues: [opensearch, cloudsearch]
  SearchQueryEndpoint:
    Type: String
    Default: ''
Conditions:
  UseOpenSearch: !Equals [!Ref SearchEngine, opensearch]
Resources:
  SearchDomain:
    Type: AWS::OpenSearchService::Domain
    Condition: UseOpenSearch
Outputs:
  SearchDomainEndpoint:
    Condition: UseOpenSearch
    Value: !Sub 'https://\${SearchDomain.DomainEndpoint}'
  SearchDomainArn:
    Condition: UseOpenSearch
    Value: !GetAtt SearchDomain.DomainArn
  QueryEndpoint:
    Value: !Ref SearchQueryEndpoint
`;

const searchService = SANDBOX_SERVICES.find((service) => service.name === 'search');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'search-service-'));
  writeFileSync(join(dir, 'search.yaml'), SEARCH_TEMPLATE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function optionsWith(parameterOverrides: Record<string, string> = {}): SandboxOptions {
  return {
    templatePath: join(dir, 'search.yaml'),
    stateDir: join(dir, 'state'),
    inMemory: true,
    ports: { search: 0 },
    parameterOverrides,
    quiet: true,
    watch: false,
    log: () => undefined,
  };
}

async function outputsOfSearchOnly(parameterOverrides: Record<string, string> = {}) {
  const sandbox = await startSandbox(optionsWith(parameterOverrides), [
    searchService as SandboxService,
  ]);
  await sandbox.stop();
  return { outputs: sandbox.outputs, endpoint: sandbox.endpoints.search };
}

describe('the search service', () => {
  it('resolves the OpenSearch domain to its own endpoint, over plain HTTP', async () => {
    const { outputs, endpoint } = await outputsOfSearchOnly();

    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(outputs).toMatchObject({
      SearchDomainEndpoint: endpoint,
      SearchDomainArn: 'arn:aws:es:us-east-1:000000000000:domain/searchdomain',
      SearchEndpoint: endpoint,
    });
  });

  it('answers for the CloudSearch endpoint parameters and has no domain with SearchEngine=cloudsearch', async () => {
    const { outputs, endpoint } = await outputsOfSearchOnly({
      SearchEngine: 'cloudsearch',
      SearchQueryEndpoint: 'search-items.us-east-1.cloudsearch.amazonaws.com',
    });

    expect(outputs).toEqual({ QueryEndpoint: endpoint, SearchEndpoint: endpoint });
  });
});
