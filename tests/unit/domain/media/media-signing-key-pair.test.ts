import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  MediaSigningKeyPairs,
  type SecretWriter,
} from '../../../../layers/domain/src/media/media-signing-key-pair';

class RecordingSecrets implements SecretWriter {
  readonly written: { secretId: string; value: string }[] = [];
  async write(secretId: string, value: string) {
    this.written.push({ secretId, value });
  }
}

describe('the media signing key pair custom resource', () => {
  it('keeps a new private key in the secret and gives the matching public key', async () => {
    const secrets = new RecordingSecrets();

    const created = await new MediaSigningKeyPairs(secrets).create({ SecretId: 'arn:secret' });

    expect(secrets.written.map((entry) => entry.secretId)).toEqual(['arn:secret']);
    const derived = createPublicKey(createPrivateKey(secrets.written[0]?.value ?? ''));
    expect(derived.export({ type: 'spki', format: 'pem' })).toBe(created.data?.PublicKey);
    expect(createPublicKey(created.data?.PublicKey ?? '').asymmetricKeyDetails?.modulusLength).toBe(
      2048,
    );
  });

  it('names each pair by its key, so that an update is a new pair with a new id', async () => {
    const provider = new MediaSigningKeyPairs(new RecordingSecrets());

    const first = await provider.create({ SecretId: 'arn:secret' });
    const second = await provider.update(first.physicalResourceId, {
      SecretId: 'arn:secret',
      Generation: '2',
    });

    expect(first.physicalResourceId).toMatch(/^media-signing-key-[0-9a-f]{16}$/);
    expect(second.physicalResourceId).not.toBe(first.physicalResourceId);
    expect(second.data?.PublicKey).not.toBe(first.data?.PublicKey);
  });

  it('refuses properties without a secret and writes nothing', async () => {
    const secrets = new RecordingSecrets();

    const creation = new MediaSigningKeyPairs(secrets).create({ SecretId: '' });

    await expect(creation).rejects.toThrow('SecretId');
    expect(secrets.written).toEqual([]);
  });

  it('deletes nothing: the secret belongs to the template', async () => {
    const secrets = new RecordingSecrets();

    await new MediaSigningKeyPairs(secrets).delete();

    expect(secrets.written).toEqual([]);
  });
});
