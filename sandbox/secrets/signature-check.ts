// The local Secrets Manager endpoint refuses what Secrets Manager refuses: an
// unsigned request, or a SigV4 signature (over the JSON body) that is not the
// one the local credentials give. The shared verifier speaks S3's error codes;
// the JSON protocol names the same refusals otherwise, always with a 400.
import type { IncomingMessage } from 'node:http';
import { isSigned, verifySigV4, type SigV4Request } from '../http/sigv4';

export interface JsonProtocolRefusal {
  status: number;
  type: string;
  message: string;
}

/** Access key id → secret access key. */
export type SecretKeys = Readonly<Record<string, string>>;

const JSON_PROTOCOL_TYPES: Readonly<Record<string, string>> = {
  InvalidAccessKeyId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  RequestTimeTooSkewed: 'InvalidSignatureException',
  XAmzContentSHA256Mismatch: 'InvalidSignatureException',
};

export async function refuseBadSignature(
  request: IncomingMessage,
  body: Buffer,
  keys: SecretKeys,
): Promise<JsonProtocolRefusal | undefined> {
  const url = request.url ?? '/';
  const at = url.indexOf('?');
  const signed: SigV4Request = {
    method: request.method ?? 'POST',
    rawPath: at === -1 ? url : url.slice(0, at),
    rawQuery: at === -1 ? '' : url.slice(at + 1),
    headers: request.headers,
    body,
  };
  if (!isSigned(signed)) {
    return {
      status: 400,
      type: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    };
  }
  const verdict = await verifySigV4(signed, { secrets: { ...keys }, service: 'secretsmanager' });
  if (verdict.ok) return undefined;
  return {
    status: 400,
    type: JSON_PROTOCOL_TYPES[verdict.code] ?? 'IncompleteSignatureException',
    message: verdict.message,
  };
}
