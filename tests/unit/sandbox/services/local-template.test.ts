import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLocalTemplate } from '../../../../sandbox/services/local-template';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';

const PUSH_TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ApnsCredentialsSecretArn:
    Type: String
    Default: ''
  FcmCredentialsSecretArn:
    Type: String
    Default: ''
  MediaDelivery:
    Type: String
    Default: cloudfront
    AllowedValues: [cloudfront, presigned]
Conditions:
  ApnsConfigured: !Not [!Equals [!Ref ApnsCredentialsSecretArn, '']]
Resources:
  Topic:
    Type: AWS::SNS::Topic
  ApnsPlatformApplication:
    Type: Custom::PushPlatformApplication
    Condition: ApnsConfigured
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:000000000000:function:Backing
      CredentialsSecretArn: !Ref ApnsCredentialsSecretArn
`;

const BARE_TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Topic:
    Type: AWS::SNS::Topic
`;

const LOCAL_APNS_SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:000000000000:secret:local/push/apns-local';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-template-'));
  writeFileSync(join(dir, 'push.yaml'), PUSH_TEMPLATE);
  writeFileSync(join(dir, 'bare.yaml'), BARE_TEMPLATE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (file: string, overrides: Record<string, string> = {}) =>
  parseLocalTemplate(join(dir, file), overrides, LOCAL_PSEUDO_PARAMETERS);

describe('the template as the sandbox runs it', () => {
  it('names the local test push secret, so the resources of its condition exist', () => {
    const model = parse('push.yaml');

    expect(model.parameters.ApnsCredentialsSecretArn).toBe(LOCAL_APNS_SECRET_ARN);
    expect(model.resources.map((resource) => resource.logicalId)).toContain(
      'ApnsPlatformApplication',
    );
  });

  it('leaves push off for a platform the user turns off with an empty value', () => {
    const model = parse('push.yaml', { ApnsCredentialsSecretArn: '' });

    expect(model.parameters.ApnsCredentialsSecretArn).toBe('');
    expect(model.resources.map((resource) => resource.logicalId)).toEqual(['Topic']);
  });

  it("serves media the template's way: CloudFront by default, presigned GETs when asked", () => {
    const localDefault = parse('push.yaml');
    const chosen = parse('push.yaml', { MediaDelivery: 'presigned' });

    expect(localDefault.parameters.MediaDelivery).toBe('cloudfront');
    expect(chosen.parameters.MediaDelivery).toBe('presigned');
  });

  it('parses a template that declares none of those parameters as it is', () => {
    const model = parse('bare.yaml');

    expect(model.parameters).toEqual({});
    expect(model.resources.map((resource) => resource.logicalId)).toEqual(['Topic']);
  });
});
