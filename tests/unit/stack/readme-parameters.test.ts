import { readFileSync } from 'node:fs';
import { parseCloudFormationYaml } from '../../../sandbox/template/cloudformation-yaml';

// The README's Configuration table is where users look up a parameter: it
// must name every parameter of template.yaml, with its default, and no other.
const template = parseCloudFormationYaml(readFileSync('template.yaml', 'utf8')) as {
  Parameters: Record<string, { Default?: unknown }>;
};
const readme = readFileSync('README.md', 'utf8');
const configuration = readme.slice(
  readme.indexOf('## Configuration'),
  readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
);
const rows = new Map(
  [...configuration.matchAll(/^\| `(\w+)` +\| ([^|]*?) +\|/gm)].map(([, name, value]) => [
    name,
    value,
  ]),
);

describe("the README's parameter table", () => {
  it('names every template parameter, and only those', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(template.Parameters).sort());
  });

  it.each(Object.entries(template.Parameters))('gives the default of %s', (name, parameter) => {
    const expected = parameter.Default === '' ? 'empty' : `\`${String(parameter.Default)}\``;

    expect(rows.get(name)).toBe(expected);
  });
});
