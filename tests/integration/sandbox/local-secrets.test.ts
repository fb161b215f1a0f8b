import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalSecrets } from '../../../sandbox/secrets/local-secrets';
import { localPushSecrets } from '../../../sandbox/secrets/push-credentials';
import type { SecretSpec } from '../../../sandbox/template/model';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';

const SIGNING_SECRET: SecretSpec = {
  logicalId: 'CursorSigningSecret',
  passwordLength: 64,
  excludePunctuation: true,
};
const SIGNING_SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:000000000000:secret:CursorSigningSecret-local';

describe('createLocalSecrets', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-secrets-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refers to a secret by a local ARN built from its logical id', () => {
    const secrets = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
    });

    expect(secrets.resources.CursorSigningSecret?.ref).toBe(SIGNING_SECRET_ARN);
  });

  it('generates letters and digits of the requested length when punctuation is excluded', () => {
    const secrets = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
    });

    expect(secrets.lookup(SIGNING_SECRET_ARN)).toMatch(/^[A-Za-z0-9]{64}$/);
  });

  it('finds the value by ARN and by name alike', () => {
    const secrets = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
    });

    expect(secrets.lookup('CursorSigningSecret')).toBe(secrets.lookup(SIGNING_SECRET_ARN));
  });

  it('gives the same value after a restart with the same data directory', () => {
    const first = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
      dataDir,
    });

    const second = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
      dataDir,
    });

    expect(second.lookup(SIGNING_SECRET_ARN)).toBe(first.lookup(SIGNING_SECRET_ARN));
  });

  it('gives a new value on each run without a data directory', () => {
    const first = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
    });

    const second = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
    });

    expect(second.lookup(SIGNING_SECRET_ARN)).not.toBe(first.lookup(SIGNING_SECRET_ARN));
  });

  it('keeps the local push credentials after a restart with the same data directory', () => {
    const apns = 'local/push/apns';
    const first = createLocalSecrets({
      secrets: localPushSecrets(),
      pseudo: LOCAL_PSEUDO_PARAMETERS,
      dataDir,
    });

    const second = createLocalSecrets({
      secrets: localPushSecrets(),
      pseudo: LOCAL_PSEUDO_PARAMETERS,
      dataDir,
    });

    expect(first.lookup(apns)).toContain('BEGIN PRIVATE KEY');
    expect(second.lookup(apns)).toBe(first.lookup(apns));
  });

  it('stores the values in secrets.json of the data directory', () => {
    const secrets = createLocalSecrets({
      secrets: [SIGNING_SECRET],
      pseudo: LOCAL_PSEUDO_PARAMETERS,
      dataDir,
    });

    const stored = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;

    expect(stored).toEqual({ CursorSigningSecret: secrets.lookup(SIGNING_SECRET_ARN) });
  });

  it('puts the generated password under its key of a JSON secret template', () => {
    const spec: SecretSpec = {
      logicalId: 'DbSecret',
      secretStringTemplate: '{"username":"app"}',
      generateStringKey: 'password',
      passwordLength: 16,
    };

    const secrets = createLocalSecrets({ secrets: [spec], pseudo: LOCAL_PSEUDO_PARAMETERS });

    expect(JSON.parse(secrets.lookup('DbSecret') ?? '{}')).toEqual({
      username: 'app',
      password: expect.stringMatching(/^.{16}$/),
    });
  });
});
