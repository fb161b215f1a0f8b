import { join, resolve } from 'node:path';
import { readDefaultsReport } from './deployable-defaults';

// `sam deploy` with the defaults must give a stack whose features all work: a
// placeholder default deploys one that fails at run time instead.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const template = readDefaultsReport(join(root, 'template.yaml'));
const fixture = readDefaultsReport(
  join(root, 'tests/fixtures/templates/undeployable-defaults.yaml'),
);

describe('parameter defaults of template.yaml', () => {
  it.each(template.parameters)('%s has a default that deploys a working stack', (parameter) => {
    expect(template.problemsOf(parameter)).toEqual([]);
  });
});

describe('the defaults check, on a template with undeployable defaults', () => {
  it('rejects placeholders, named external things and external things used while empty', () => {
    const rejected = fixture.parameters.filter((name) => fixture.problemsOf(name).length > 0);

    expect(rejected.sort()).toEqual(
      [
        'EmptyButUsedEndpoint',
        'ExampleOrigin',
        'NamedDomainName',
        'PlaceholderTopicArn',
        'UnconfiguredQueryEndpoint',
      ].sort(),
    );
  });

  it('says why a placeholder ARN cannot deploy', () => {
    const problems = fixture.problemsOf('PlaceholderTopicArn');

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('is an ARN'),
        expect.stringContaining('sample account id'),
        expect.stringContaining("default must be ''"),
      ]),
    );
  });

  it('names where an empty external thing is still used', () => {
    const problems = fixture.problemsOf('EmptyButUsedEndpoint');

    expect(problems).toEqual([expect.stringContaining('used by Queue')]);
  });
});
