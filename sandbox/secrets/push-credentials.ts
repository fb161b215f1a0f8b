// Push is on in the sandbox: two local test secrets hold fake APNs token
// credentials and a fake FCM service account, in the formats README.md
// describes, and the template's credential parameters name them unless the
// user passes others (an empty value turns push off for that platform). The
// fake keys are generated once and kept with the other secrets' values (the
// local SNS endpoint never calls APNs or FCM): a warm start keeps the platform
// applications made from them.
import { generateKeyPairSync } from 'node:crypto';
import type { PseudoParameters } from '../template/pseudo-parameters';
import { localSecretArn, type LocalSecretSpec } from './local-secrets';

const APNS_SECRET = 'local/push/apns';
const FCM_SECRET = 'local/push/fcm';

function fakePrivateKeyPem(): string {
  // A .p8 is a PKCS#8 P-256 key; a fake of the same shape.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

const apnsCredentials = () =>
  JSON.stringify({
    signingKey: fakePrivateKeyPem(),
    keyId: 'LOCALKEY01',
    teamId: 'LOCALTEAM1',
    bundleId: 'dev.local.mobile-backend',
  });

const fcmCredentials = () =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'local-mobile-backend',
    private_key_id: 'local',
    private_key: fakePrivateKeyPem(),
    client_email: 'push@local-mobile-backend.iam.gserviceaccount.com',
    client_id: '000000000000000000000',
    token_uri: 'https://oauth2.googleapis.com/token',
  });

/** The two local test secrets, their fake key material generated when none is kept. */
export function localPushSecrets(): LocalSecretSpec[] {
  return [
    { logicalId: 'LocalApnsCredentials', name: APNS_SECRET, generate: apnsCredentials },
    { logicalId: 'LocalFcmCredentials', name: FCM_SECRET, generate: fcmCredentials },
  ];
}

/**
 * Overrides for the credential parameters the template declares and the user
 * did not set: the local test secrets' ARNs.
 */
export function localPushParameters(
  declared: Record<string, string>,
  overrides: Record<string, string>,
  pseudo: PseudoParameters,
): Record<string, string> {
  const localDefaults: Record<string, string> = {
    ApnsCredentialsSecretArn: localSecretArn(pseudo, APNS_SECRET),
    FcmCredentialsSecretArn: localSecretArn(pseudo, FCM_SECRET),
  };
  return Object.fromEntries(
    Object.entries(localDefaults).filter(([name]) => name in declared && !(name in overrides)),
  );
}
