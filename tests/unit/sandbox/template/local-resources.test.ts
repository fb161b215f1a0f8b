import { functionResources } from '../../../../sandbox/template/local-resources';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';
import { resolveValue, type ResolveContext } from '../../../../sandbox/template/resolve';
import { templateFixtures } from './template-fixtures';

const parse = templateFixtures('local-resources');

const TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Parameters:
  AliasName:
    Type: String
    Default: current
Globals:
  Function:
    Runtime: nodejs24.x
    Handler: handler.handler
Resources:
  AliasedFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      AutoPublishAlias: live
      DeploymentPreference:
        Type: Canary10Percent5Minutes
  AliasFromParameterFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      AutoPublishAlias: !Ref AliasName
  PlainFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
`;

function contextOf(yaml: string): ResolveContext {
  const model = parse(yaml);
  return {
    parameters: model.parameters,
    resources: functionResources(model, LOCAL_PSEUDO_PARAMETERS),
    pseudo: LOCAL_PSEUDO_PARAMETERS,
  };
}

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function';

describe('local functions with AutoPublishAlias', () => {
  it('resolves !Ref Fn.Alias to the ARN of the alias of the local function', () => {
    const ctx = contextOf(TEMPLATE);

    const resolved = resolveValue({ Ref: 'AliasedFunction.Alias' }, ctx);

    expect(resolved).toBe(`${FUNCTION_ARN}:AliasedFunction:live`);
  });

  it('resolves ${Fn.Alias} in Fn::Sub, as in an API integration URI', () => {
    const ctx = contextOf(TEMPLATE);

    const resolved = resolveValue(
      { 'Fn::Sub': 'functions/${AliasedFunction.Alias}/invocations' },
      ctx,
    );

    expect(resolved).toBe(`functions/${FUNCTION_ARN}:AliasedFunction:live/invocations`);
  });

  it('names the alias from a parameter when AutoPublishAlias refers to one', () => {
    const ctx = contextOf(TEMPLATE);

    const resolved = resolveValue({ Ref: 'AliasFromParameterFunction.Alias' }, ctx);

    expect(resolved).toBe(`${FUNCTION_ARN}:AliasFromParameterFunction:current`);
  });

  it('keeps !Ref of the function itself its name', () => {
    const ctx = contextOf(TEMPLATE);

    const resolved = resolveValue({ Ref: 'AliasedFunction' }, ctx);

    expect(resolved).toBe('AliasedFunction');
  });

  it('refuses Fn.Alias of a function without AutoPublishAlias, as SAM does', () => {
    const ctx = contextOf(TEMPLATE);

    expect(() => resolveValue({ Ref: 'PlainFunction.Alias' }, ctx)).toThrow(
      /PlainFunction\.Alias .*only these attributes: Arn/,
    );
  });
});
