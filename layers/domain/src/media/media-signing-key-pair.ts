import { createHash, generateKeyPairSync } from 'node:crypto';
import * as z from 'zod';
import type {
  CustomResourceProvider,
  ProvidedResource,
  ResourceProperties,
} from '../custom-resources/custom-resource';
import { parseResourceProperties } from '../custom-resources/resource-properties';

/** Where the private key is kept (the custom resource's own port). */
export interface SecretWriter {
  /** Makes the value the secret's current version. */
  write(secretId: string, value: string): Promise<void>;
}

export interface MediaKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** CloudFront accepts RSA keys of 2048 bits for signed URLs. */
export function generateMediaKeyPair(): MediaKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

const Properties = z.object({
  SecretId: z.string().min(1, 'must name the secret that keeps the private key'),
  /** Any new value makes a new key pair (a key rotation). */
  Generation: z.string().optional(),
});

const ID_PREFIX = 'media-signing-key-';

/**
 * `Custom::MediaSigningKeyPair`: an RSA key pair made at deploy time. The
 * private key goes into the given secret and never leaves the account; the
 * public key is the `PublicKey` attribute, for `AWS::CloudFront::PublicKey`.
 * Its id names the key (a fingerprint), so a new pair is a new id: the public
 * key resource that uses it is replaced, and the old pair's Delete is a no-op
 * (the secret belongs to the template, which deletes it with the stack).
 */
export class MediaSigningKeyPairs implements CustomResourceProvider {
  constructor(
    private readonly secrets: SecretWriter,
    private readonly generate: () => MediaKeyPair = generateMediaKeyPair,
  ) {}

  async create(properties: ResourceProperties): Promise<ProvidedResource> {
    const { SecretId } = parseResourceProperties(Properties, properties);
    const pair = this.generate();
    await this.secrets.write(SecretId, pair.privateKeyPem);
    return {
      physicalResourceId: `${ID_PREFIX}${fingerprintOf(pair.publicKeyPem)}`,
      data: { PublicKey: pair.publicKeyPem },
    };
  }

  /** CloudFormation sends an Update only when the properties changed: a new secret or generation, a new pair. */
  update(_id: string, properties: ResourceProperties): Promise<ProvidedResource> {
    return this.create(properties);
  }

  async delete(): Promise<void> {}
}

/** 16 hex digits of the public key's SHA-256: unique enough to name the key, short enough for CloudFront's names. */
function fingerprintOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16);
}
