// What CloudFront checks on a request to a behaviour with trusted key groups:
// a canned-policy signed URL (Expires, Signature, Key-Pair-Id, optionally
// Hash-Algorithm=SHA256) whose key is one of the trusted public keys, whose
// signature covers exactly the requested URL and expiry, and that has not
// expired. Custom policies (the Policy parameter) are refused: nothing in
// this stack signs with one.
import { createVerify, type KeyObject } from 'node:crypto';

export type SignedUrlVerdict = { ok: true } | { ok: false; reason: string };

const SIGNING_PARAMETERS = new Set(['Expires', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm']);

/** CloudFront's URL-safe base64: `-` `_` `~` for `+` `=` `/`. */
function standardBase64(signature: string): string {
  return signature.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/');
}

/** The URL the signer signed: the request's, without the signing parameters. */
export function signedResource(baseUrl: string, rawPathAndQuery: string): string {
  const at = rawPathAndQuery.indexOf('?');
  const path = at === -1 ? rawPathAndQuery : rawPathAndQuery.slice(0, at);
  const rest = (at === -1 ? '' : rawPathAndQuery.slice(at + 1))
    .split('&')
    .filter(
      (pair) =>
        pair !== '' && !SIGNING_PARAMETERS.has(decodeURIComponent(pair.split('=')[0] ?? '')),
    );
  return `${baseUrl}${path}${rest.length > 0 ? `?${rest.join('&')}` : ''}`;
}

export function verifySignedUrl(
  request: { baseUrl: string; rawPathAndQuery: string },
  trustedKeys: ReadonlyMap<string, KeyObject>,
  now: Date,
): SignedUrlVerdict {
  const query = new URL(request.rawPathAndQuery, 'http://local').searchParams;
  const keyPairId = query.get('Key-Pair-Id');
  const signature = query.get('Signature');
  const expires = query.get('Expires');
  if (query.has('Policy')) return { ok: false, reason: 'custom policies are not served locally' };
  if (!keyPairId || !signature || !expires) {
    return { ok: false, reason: 'Missing Key-Pair-Id, Signature or Expires query parameter' };
  }
  const key = trustedKeys.get(keyPairId);
  if (!key) return { ok: false, reason: `Key-Pair-Id ${keyPairId} is not in a trusted key group` };
  if (!/^\d+$/.test(expires)) return { ok: false, reason: 'Expires is not an epoch time' };
  const algorithm = query.get('Hash-Algorithm') === 'SHA256' ? 'RSA-SHA256' : 'RSA-SHA1';
  const policy = JSON.stringify({
    Statement: [
      {
        Resource: signedResource(request.baseUrl, request.rawPathAndQuery),
        Condition: { DateLessThan: { 'AWS:EpochTime': Number(expires) } },
      },
    ],
  });
  const verifier = createVerify(algorithm).update(policy);
  if (!verifier.verify(key, standardBase64(signature), 'base64')) {
    return { ok: false, reason: 'the signature does not match the URL and its expiry' };
  }
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'the URL has expired' };
  return { ok: true };
}
