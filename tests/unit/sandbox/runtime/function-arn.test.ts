import { hostOfArn } from '../../../../sandbox/runtime/function-arn';
import type { FunctionHost } from '../../../../sandbox/runtime/function-host';

const arn = 'arn:aws:lambda:us-east-1:123456789012:function:mobile-backend-Rotate';
const host = { functionArn: arn } as FunctionHost;
const hosts = new Map([['RotateFunction', host]]);

describe('the host of a function ARN', () => {
  it.each([arn, `${arn}:live`, `${arn}:7`])('is the one local host for %s', (named) => {
    expect(hostOfArn(hosts, named)).toBe(host);
  });

  it('is none for a function the template does not have', () => {
    expect(hostOfArn(hosts, `${arn}Other:live`)).toBeUndefined();
  });
});
