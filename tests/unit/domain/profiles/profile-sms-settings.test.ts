import { ValidationError } from '../../../../layers/domain/src/errors';
import { applyProfilePatch, newProfile } from '../../../../layers/domain/src/profiles/profile';

const profile = newProfile(
  { userId: 'bob', email: null, groups: [] },
  new Date('2026-12-01T10:00:00.000Z'),
);
const subscribed = { ...profile, phoneNumber: '+14155550100', smsNotices: true };

function pathsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((e) => e.path);
    throw error;
  }
  return [];
}

describe('the SMS settings of a profile', () => {
  it('start with no number, no SMS notices and no text in them', () => {
    expect(profile).toMatchObject({ phoneNumber: null, smsNotices: false, smsWithText: false });
  });

  it('take an E.164 number and the two choices', () => {
    const patched = applyProfilePatch(profile, {
      phoneNumber: '+447700900123',
      smsNotices: true,
      smsWithText: true,
    });

    expect(patched).toMatchObject({
      phoneNumber: '+447700900123',
      smsNotices: true,
      smsWithText: true,
    });
  });

  it.each(['447700900123', '+44 7700 900123', '+', '', 14155550100])(
    'refuse %j as a phone number',
    (phoneNumber) => {
      expect(pathsOf(() => applyProfilePatch(profile, { phoneNumber }))).toEqual(['phoneNumber']);
    },
  );

  it('refuse clearing the number while SMS notices are on', () => {
    expect(pathsOf(() => applyProfilePatch(subscribed, { phoneNumber: null }))).toEqual([
      'smsNotices',
    ]);
  });

  it('keep the number when SMS notices are turned off', () => {
    const patched = applyProfilePatch(subscribed, { smsNotices: false });

    expect(patched).toMatchObject({ phoneNumber: '+14155550100', smsNotices: false });
  });

  it('refuse a choice that is not a boolean', () => {
    expect(pathsOf(() => applyProfilePatch(profile, { smsWithText: 'yes' }))).toEqual([
      'smsWithText',
    ]);
  });
});
