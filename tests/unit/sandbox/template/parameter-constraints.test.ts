import { parseTemplate } from '../../../../sandbox/template/parse';
import { templateFixtures } from './template-fixtures';

const parseFixture = templateFixtures('parameter-constraints');

function parseWith(parameters: string, overrides: Record<string, string>) {
  return () => parseFixture(`Parameters:\n${parameters}\nResources: {}\n`, overrides);
}

describe('template parameters, checked as CloudFormation checks them', () => {
  it('refuses a value outside AllowedValues', () => {
    const parse = parseWith('  Level: { Type: String, AllowedValues: [INFO, WARN] }', {
      Level: 'LOUD',
    });

    expect(parse).toThrow('Parameter Level must be one of INFO, WARN; got "LOUD"');
  });

  it('matches AllowedPattern against the whole value, and says the ConstraintDescription', () => {
    const declaration = `  Origin:
    Type: String
    AllowedPattern: 'https://[a-z.]+'
    ConstraintDescription: one https origin`;

    expect(parseWith(declaration, { Origin: 'https://a.example' })).not.toThrow();
    expect(parseWith(declaration, { Origin: 'https://a.example,https://b.example' })).toThrow(
      'Parameter Origin must match pattern https://[a-z.]+ (one https origin)',
    );
  });

  it('refuses a Number that is not one, or is out of range', () => {
    const declaration = '  Days: { Type: Number, MinValue: 1, MaxValue: 3650 }';

    expect(parseWith(declaration, { Days: 'ten' })).toThrow('Parameter Days must be a number');
    expect(parseWith(declaration, { Days: '0' })).toThrow('Parameter Days must be at least 1');
    expect(parseWith(declaration, { Days: '30' })).not.toThrow();
  });

  it("refuses this template's AllowedOrigin with two origins: the preflight cannot answer both", () => {
    expect(() =>
      parseTemplate('template.yaml', { AllowedOrigin: 'https://a.example,https://b.example' }),
    ).toThrow(/Parameter AllowedOrigin must match pattern/);
    expect(() =>
      parseTemplate('template.yaml', { AllowedOrigin: 'https://app.example.com' }),
    ).not.toThrow();
  });
});
