import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  createIssuedCredentials,
  type IssuedCredential,
} from '../../../../sandbox/iam/issued-credentials';
import { authorizeIam } from '../../../../sandbox/rest-gateway/iam-authorization';
import type { SigV4Request } from '../../../../sandbox/http/sigv4';

const API = 'arn:aws:execute-api:us-east-1:123456789012:localapi/api';
const SEARCH_ARN = `${API}/GET/v1/public/search`;

const guestPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: SEARCH_ARN }],
};

function issue(policies: unknown[] = [guestPolicy], now = Date.now) {
  const credentials = createIssuedCredentials(now);
  const credential = credentials.issue({
    identityPoolId: 'us-east-1:pool',
    identityId: 'us-east-1:guest',
    authenticationType: 'unauthenticated',
    roleArn: 'arn:aws:iam::123456789012:role/mobile-backend-GuestIdentityRole',
    policies,
  });
  return { credentials, credential };
}

/** What the gateway reads of a request an SDK signer signed. */
async function signedRequest(
  credential: Pick<IssuedCredential, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>,
  path = '/api/v1/public/search',
): Promise<SigV4Request> {
  const signer = new SignatureV4({
    service: 'execute-api',
    region: 'us-east-1',
    credentials: credential,
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'GET',
      hostname: '127.0.0.1',
      path,
      headers: { host: '127.0.0.1:3000' },
    }),
  );
  return {
    method: 'GET',
    rawPath: path,
    rawQuery: '',
    headers: signed.headers,
    body: Buffer.alloc(0),
  };
}

describe('AWS_IAM authorization at the REST gateway', () => {
  it("lets in a request signed with issued credentials whose role allows the method, with the guest's identity", async () => {
    const { credentials, credential } = issue();

    const verdict = await authorizeIam(await signedRequest(credential), SEARCH_ARN, credentials);

    expect(verdict).toMatchObject({
      allowed: true,
      identity: {
        cognitoIdentityId: 'us-east-1:guest',
        cognitoIdentityPoolId: 'us-east-1:pool',
        cognitoAuthenticationType: 'unauthenticated',
        userArn:
          'arn:aws:sts::123456789012:assumed-role/mobile-backend-GuestIdentityRole/CognitoIdentityCredentials',
      },
    });
  });

  it('refuses an unsigned request as a missing authentication token', async () => {
    const { credentials } = issue();
    const request = { method: 'GET', rawPath: '/api/v1/public/search', rawQuery: '', headers: {} };

    const verdict = await authorizeIam(request, SEARCH_ARN, credentials);

    expect(verdict).toMatchObject({ allowed: false, response: 'MISSING_AUTHENTICATION_TOKEN' });
  });

  it('refuses a signature made with another secret', async () => {
    const { credentials, credential } = issue();
    const forged = { ...credential, secretAccessKey: 'not-the-secret' };

    const verdict = await authorizeIam(await signedRequest(forged), SEARCH_ARN, credentials);

    expect(verdict).toMatchObject({ allowed: false, response: 'INVALID_SIGNATURE' });
  });

  it('refuses a request without the session token of its credentials', async () => {
    const { credentials, credential } = issue();
    const withoutToken = { ...credential, sessionToken: 'another-token' };

    const verdict = await authorizeIam(await signedRequest(withoutToken), SEARCH_ARN, credentials);

    expect(verdict).toMatchObject({
      allowed: false,
      response: 'INVALID_SIGNATURE',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses expired credentials', async () => {
    let clock = Date.now();
    const { credentials, credential } = issue([guestPolicy], () => clock);
    const request = await signedRequest(credential);
    clock += 61 * 60 * 1000;

    const verdict = await authorizeIam(request, SEARCH_ARN, credentials, clock);

    expect(verdict).toMatchObject({ allowed: false, response: 'EXPIRED_TOKEN' });
  });

  it('denies a method the role does not allow, naming the assumed role', async () => {
    const { credentials, credential } = issue();
    const itemArn = `${API}/GET/v1/public/items/01J0000000000000000000000`;

    const verdict = await authorizeIam(
      await signedRequest(credential, '/api/v1/public/items/01J0000000000000000000000'),
      itemArn,
      credentials,
    );

    expect(verdict).toMatchObject({
      allowed: false,
      response: 'ACCESS_DENIED',
      message: expect.stringContaining(
        `not authorized to perform: execute-api:Invoke on resource: ${itemArn}`,
      ),
    });
  });
});
