import { parseCloudFormationYaml } from '../../../../sandbox/template/cloudformation-yaml';

describe('parseCloudFormationYaml', () => {
  it('turns !Ref into the long form', () => {
    const text = 'Value: !Ref AppTable';

    const parsed = parseCloudFormationYaml(text);

    expect(parsed).toEqual({ Value: { Ref: 'AppTable' } });
  });

  it('splits the dotted form of !GetAtt at the first dot', () => {
    const text = 'Value: !GetAtt Database.Endpoint.Address';

    const parsed = parseCloudFormationYaml(text);

    expect(parsed).toEqual({ Value: { 'Fn::GetAtt': ['Database', 'Endpoint.Address'] } });
  });

  it('keeps the list form of !GetAtt', () => {
    const text = 'Value: !GetAtt [UserPool, Arn]';

    const parsed = parseCloudFormationYaml(text);

    expect(parsed).toEqual({ Value: { 'Fn::GetAtt': ['UserPool', 'Arn'] } });
  });

  it('converts tags nested inside the list form of !Sub', () => {
    const text = "Value: !Sub ['${Name}-x', { Name: !Ref Stage }]";

    const parsed = parseCloudFormationYaml(text);

    expect(parsed).toEqual({ Value: { 'Fn::Sub': ['${Name}-x', { Name: { Ref: 'Stage' } }] } });
  });

  it('converts condition functions and !Condition', () => {
    const text = 'IsProd: !And [!Equals [!Ref Stage, prod], !Not [!Condition IsTest]]';

    const parsed = parseCloudFormationYaml(text);

    expect(parsed).toEqual({
      IsProd: {
        'Fn::And': [
          { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
          { 'Fn::Not': [{ Condition: 'IsTest' }] },
        ],
      },
    });
  });

  it('converts !Join, !Select, !Split, !If, !FindInMap, !Base64, !ImportValue, !GetAZs and !Cidr', () => {
    const text = [
      "Join: !Join [',', [a, b]]",
      'Select: !Select [0, !GetAZs ""]',
      "Split: !Split [',', 'a,b']",
      'If: !If [IsProd, a, !Ref AWS::NoValue]',
      'Map: !FindInMap [Sizes, !Ref Stage, Memory]',
      'Base64: !Base64 text',
      'Import: !ImportValue shared-vpc',
      "Cidr: !Cidr ['10.0.0.0/16', 2, 8]",
    ].join('\n');

    const parsed = parseCloudFormationYaml(text);

    expect(parsed).toEqual({
      Join: { 'Fn::Join': [',', ['a', 'b']] },
      Select: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Split: { 'Fn::Split': [',', 'a,b'] },
      If: { 'Fn::If': ['IsProd', 'a', { Ref: 'AWS::NoValue' }] },
      Map: { 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Memory'] },
      Base64: { 'Fn::Base64': 'text' },
      Import: { 'Fn::ImportValue': 'shared-vpc' },
      Cidr: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] },
    });
  });
});
