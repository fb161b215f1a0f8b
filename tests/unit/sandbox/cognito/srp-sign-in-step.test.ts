// The front's USER_SRP_AUTH against the client's SRP (itself checked against
// Cognito's SDK in tests/unit/client/srp-claim.test.ts), with cognito-local
// and the rest of the front replaced by what they would answer.
import { jest } from '@jest/globals';
import { createPoolDirectory } from '../../../../sandbox/cognito/pool-directory';
import { answerSrpSignIn } from '../../../../sandbox/cognito/front/srp-sign-in-step';
import {
  cognitoError,
  runSteps,
  type CognitoAnswer,
  type FrontContext,
} from '../../../../sandbox/cognito/front/steps';
import type { UserPoolSpec } from '../../../../sandbox/template/model';
import { signInWithSrp } from '../../../../client/src/srp-sign-in';
import {
  claimSignature,
  newSrpSecret,
  passwordAuthenticationKey,
} from '../../../../client/src/srp-claim';
import { N } from '../../../../client/src/srp-math';

const poolId = 'local_Pool1234';
const clientId = 'mobile-client';
const user = { email: 'ada@example.com', userId: '0b7e6c3a-1d2f-4e5a-9b8c-7d6e5f4a3b2c' };
const password = 'Right-Password-1!';
const tokens = { AuthenticationResult: { IdToken: 'id', AccessToken: 'a', ExpiresIn: 3600 } };

type Call = (operation: string, body: Record<string, unknown>) => Promise<CognitoAnswer>;

/** cognito-local as the step asks it (one user), and the template's client allowing `flows`. */
function frontWith(flows: string[] = ['ALLOW_USER_SRP_AUTH']) {
  const pools = createPoolDirectory();
  const client = { logicalId: 'MobileClient', clientName: 'mobile', explicitAuthFlows: flows };
  pools.add(poolId, [clientId], {} as UserPoolSpec, { [clientId]: client });
  const signedIn = jest.fn<Call>(async () => ({ status: 200, body: tokens }));
  const backend: Call = async (operation, body) => {
    if (operation === 'AdminGetUser' && [user.email, user.userId].includes(String(body.Username)))
      return { status: 200, body: { Username: user.userId } };
    return cognitoError(400, 'UserNotFoundException', 'User does not exist.');
  };
  const context: FrontContext = {
    pools,
    backend,
    call: signedIn,
    passwords: {
      passwordOf: async (pool, name) =>
        pool === poolId && name === user.userId ? password : undefined,
    },
    log: () => undefined,
  };
  const send: Call = (operation, body) =>
    runSteps([answerSrpSignIn], { operation, body: { ClientId: clientId, ...body } }, context, () =>
      Promise.resolve(cognitoError(500, 'CognitoLocal#Unsupported', 'not the step')),
    );
  /** The client's call, throwing Cognito's refusals as the client does. */
  const clientCall = async <T>(operation: string, body: Record<string, unknown>) => {
    const answer = await send(operation, body);
    if (answer.status !== 200) throw Object.assign(new Error('refused'), answer);
    return answer.body as T;
  };
  return { send, clientCall, signedIn };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: CognitoAnswer) => ({ status: error.status, body: error.body }),
  );

const incorrect = {
  status: 400,
  body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' },
};

describe("the Cognito front's USER_SRP_AUTH", () => {
  it('signs in a client that proves the password, as a password sign-in of the user', async () => {
    const front = frontWith();

    const reply = await signInWithSrp(front.clientCall, user.email, password, {
      userPoolId: poolId,
    });

    expect(reply).toEqual(tokens);
    expect(front.signedIn).toHaveBeenCalledWith('InitiateAuth', {
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.userId, PASSWORD: password },
    });
  });

  it('names the user by the name cognito-local gave it in the challenge', async () => {
    const front = frontWith();

    const answer = await front.send('InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: user.email, SRP_A: newSrpSecret().A.toString(16) },
    });

    expect(answer.body).toMatchObject({
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: { USER_ID_FOR_SRP: user.userId, USERNAME: user.userId },
    });
    expect(Object.keys(answer.body.ChallengeParameters as object).sort()).toEqual([
      'SALT',
      'SECRET_BLOCK',
      'SRP_B',
      'USERNAME',
      'USER_ID_FOR_SRP',
    ]);
  });

  it('refuses a claim made with another password, and signs nobody in', async () => {
    const front = frontWith();

    const refusal = await refusalOf(
      signInWithSrp(front.clientCall, user.email, 'Wrong-Password-1!', { userPoolId: poolId }),
    );

    expect(refusal).toEqual(incorrect);
    expect(front.signedIn).not.toHaveBeenCalled();
  });

  it('refuses a claim for a pool name other than the pool’s', async () => {
    const front = frontWith();

    const refusal = await refusalOf(
      signInWithSrp(front.clientCall, user.email, password, { userPoolId: 'local_OtherPool' }),
    );

    expect(refusal).toEqual(incorrect);
  });

  it('answers a user that does not exist with a challenge, and then as a wrong password', async () => {
    const front = frontWith();

    const refusal = await refusalOf(
      signInWithSrp(front.clientCall, 'nobody@example.com', password, { userPoolId: poolId }),
    );

    expect(refusal).toEqual(incorrect);
  });

  it.each([
    ['0', '0'],
    ['N', N.toString(16)],
    ['2N', (2n * N).toString(16)],
    ['not a number', 'not-hex'],
  ])('refuses an SRP_A of %s, with a 400', async (_name, srpA) => {
    const front = frontWith();

    const answer = await front.send('InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: user.email, SRP_A: srpA },
    });

    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('InvalidParameterException');
  });

  it('refuses USER_SRP_AUTH to a client whose ExplicitAuthFlows leave it out', async () => {
    const front = frontWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);

    const answer = await front.send('InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: user.email, SRP_A: newSrpSecret().A.toString(16) },
    });

    expect(answer).toEqual(
      cognitoError(400, 'InvalidParameterException', 'Auth flow not enabled for this client'),
    );
  });

  describe('a claim altered after the challenge', () => {
    /** A challenge, and a correct claim for it that the test may then change. */
    async function challengeAndClaim(front: ReturnType<typeof frontWith>) {
      const secret = newSrpSecret();
      const challenge = await front.send('InitiateAuth', {
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: user.email, SRP_A: secret.A.toString(16) },
      });
      const parameters = challenge.body.ChallengeParameters as Record<string, string>;
      const key = await passwordAuthenticationKey(secret, {
        poolName: 'Pool1234',
        userId: user.userId,
        password,
        salt: parameters.SALT ?? '',
        srpB: parameters.SRP_B ?? '',
      });
      const sign = (secretBlock: string, timestamp: string) =>
        claimSignature(key, { poolName: 'Pool1234', userId: user.userId, secretBlock, timestamp });
      return { secretBlock: parameters.SECRET_BLOCK ?? '', sign };
    }

    const respond = (front: ReturnType<typeof frontWith>, responses: Record<string, string>) =>
      front.send('RespondToAuthChallenge', {
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: { USERNAME: user.userId, ...responses },
      });

    it('is accepted unaltered', async () => {
      const front = frontWith();
      const { secretBlock, sign } = await challengeAndClaim(front);
      const timestamp = 'Tue Dec 1 09:05:07 UTC 2026';

      const answer = await respond(front, {
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: await sign(secretBlock, timestamp),
      });

      expect(answer.body).toEqual(tokens);
    });

    it('is accepted with the email in place of USER_ID_FOR_SRP, and passes SECRET_HASH on', async () => {
      const front = frontWith();
      const { secretBlock, sign } = await challengeAndClaim(front);
      const timestamp = 'Tue Dec 1 09:05:07 UTC 2026';

      await respond(front, {
        USERNAME: user.email,
        SECRET_HASH: 'hash',
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: await sign(secretBlock, timestamp),
      });

      expect(front.signedIn).toHaveBeenCalledWith('InitiateAuth', {
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: user.userId, PASSWORD: password, SECRET_HASH: 'hash' },
      });
    });

    it('is refused when USERNAME names another user', async () => {
      const front = frontWith();
      const { secretBlock, sign } = await challengeAndClaim(front);
      const timestamp = 'Tue Dec 1 09:05:07 UTC 2026';

      const answer = await respond(front, {
        USERNAME: 'someone-else@example.com',
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: await sign(secretBlock, timestamp),
      });

      expect(answer).toEqual(incorrect);
    });

    it('is refused when the secret block was changed and signed again', async () => {
      const front = frontWith();
      const { secretBlock, sign } = await challengeAndClaim(front);
      const bytes = Buffer.from(secretBlock, 'base64');
      bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
      const forged = bytes.toString('base64');
      const timestamp = 'Tue Dec 1 09:05:07 UTC 2026';

      const answer = await respond(front, {
        PASSWORD_CLAIM_SECRET_BLOCK: forged,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: await sign(forged, timestamp),
      });

      expect(answer).toEqual(incorrect);
    });

    it('is refused when the timestamp pads the day with a zero, which Cognito does not', async () => {
      const front = frontWith();
      const { secretBlock, sign } = await challengeAndClaim(front);
      const timestamp = 'Tue Dec 01 09:05:07 UTC 2026';

      const answer = await respond(front, {
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: await sign(secretBlock, timestamp),
      });

      expect(answer).toEqual(incorrect);
    });

    it('is refused when the signature covers another timestamp than the one sent', async () => {
      const front = frontWith();
      const { secretBlock, sign } = await challengeAndClaim(front);

      const answer = await respond(front, {
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: 'Tue Dec 1 09:05:08 UTC 2026',
        PASSWORD_CLAIM_SIGNATURE: await sign(secretBlock, 'Tue Dec 1 09:05:07 UTC 2026'),
      });

      expect(answer).toEqual(incorrect);
    });

    it('asks for what is missing with a 400', async () => {
      const front = frontWith();
      const { secretBlock } = await challengeAndClaim(front);

      const answer = await respond(front, {
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: 'Tue Dec 1 09:05:07 UTC 2026',
      });

      expect(answer).toEqual(
        cognitoError(
          400,
          'InvalidParameterException',
          'Missing required parameter ChallengeResponses.PASSWORD_CLAIM_SIGNATURE',
        ),
      );
    });
  });

  it('leaves other sign-ins to the next step', async () => {
    const front = frontWith();

    const answer = await front.send('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.email, PASSWORD: password },
    });

    expect(answer.body.__type).toBe('CognitoLocal#Unsupported');
  });
});
