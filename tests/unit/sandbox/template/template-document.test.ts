import { referencedIds } from '../../../../sandbox/template/template-document';

describe('referencedIds', () => {
  it('finds the ids of Ref and Fn::GetAtt anywhere in a value', () => {
    const properties = {
      ServiceToken: { Ref: 'SigningFunction.Alias' },
      Nested: [{ Key: { 'Fn::GetAtt': ['KeyPair', 'PublicKey'] } }],
    };

    const ids = referencedIds(properties);

    expect([...ids].sort()).toEqual(['KeyPair', 'SigningFunction.Alias']);
  });

  it('finds the ids of Fn::Sub variables, with or without an attribute, but not literals', () => {
    const properties = {
      Name: { 'Fn::Sub': '${AWS::StackName}-${Queue.Arn}-${Bucket}-${!Literal}' },
      Other: { 'Fn::Sub': ['${Local}-${Table}', { Local: 'x' }] },
    };

    const ids = referencedIds(properties);

    expect([...ids].sort()).toEqual(['AWS::StackName', 'Bucket', 'Local', 'Queue', 'Table']);
  });
});
