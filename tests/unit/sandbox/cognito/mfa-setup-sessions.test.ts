import {
  createMfaSetupSessions,
  type HeldSignIn,
} from '../../../../sandbox/cognito/front/mfa-setup-sessions';

const held: HeldSignIn = {
  clientId: 'client-a',
  authenticationResult: { AccessToken: 'access' },
  stage: 'challenged',
};

function sessionsAt(start: number) {
  const clock = { now: start };
  const sessions = createMfaSetupSessions({ lifetimeMs: 1000, now: () => clock.now });
  return { clock, sessions };
}

describe('the sessions of the MFA_SETUP challenge', () => {
  it('find the sign-in a session was opened for while it lasts', () => {
    // prepare
    const { clock, sessions } = sessionsAt(0);
    const session = sessions.open(held);

    // act
    clock.now = 1000;
    const found = sessions.find(session);

    // assess
    expect(found).toEqual(held);
  });

  it('refuse a session past its lifetime as expired', () => {
    // prepare
    const { clock, sessions } = sessionsAt(0);
    const session = sessions.open(held);

    // act
    clock.now = 1001;
    const found = sessions.find(session);

    // assess
    expect(found).toBe('expired');
  });

  it('refuse a session they never opened, and anything that is not a session, as unknown', () => {
    // prepare
    const { sessions } = sessionsAt(0);
    sessions.open(held);

    // act
    const found = [sessions.find('not-a-session'), sessions.find(undefined), sessions.find(42)];

    // assess
    expect(found).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('spend a session that advances: the old one is unknown, the new one finds the next stage', () => {
    // prepare
    const { sessions } = sessionsAt(0);
    const first = sessions.open(held);

    // act
    const second = sessions.advance(first, { ...held, stage: 'associated' });

    // assess
    expect(second).not.toBe(first);
    expect(sessions.find(first)).toBe('unknown');
    expect(sessions.find(second)).toEqual({ ...held, stage: 'associated' });
  });

  it('give a new session its own lifetime', () => {
    // prepare
    const { clock, sessions } = sessionsAt(0);
    const first = sessions.open(held);
    clock.now = 900;

    // act
    const second = sessions.advance(first, held);
    clock.now = 1500;

    // assess
    expect(sessions.find(second)).toEqual(held);
  });

  it('spend a closed session', () => {
    // prepare
    const { sessions } = sessionsAt(0);
    const session = sessions.open(held);

    // act
    sessions.close(session);

    // assess
    expect(sessions.find(session)).toBe('unknown');
  });

  it('open sessions no one can guess from another', () => {
    // prepare
    const { sessions } = sessionsAt(0);

    // act
    const opened = new Set(Array.from({ length: 50 }, () => sessions.open(held)));

    // assess
    expect(opened.size).toBe(50);
    for (const session of opened) expect(session.length).toBeGreaterThanOrEqual(40);
  });
});
