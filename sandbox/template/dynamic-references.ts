const DYNAMIC_REFERENCE = /\{\{resolve:([a-z-]+):([^}]*)\}\}/g;

// An ARN has seven colon-separated parts; a secret name has no colon.
const ARN_PARTS = 7;

/** The secret value for a secret id, ARN or name; undefined when unknown. */
export type SecretLookup = (idOrArn: string) => string | undefined;

/**
 * Replaces CloudFormation dynamic references (`{{resolve:secretsmanager:<id>:SecretString[:<json-key>]}}`)
 * with the local secret values, as CloudFormation does at deploy time.
 */
export function resolveDynamicReferences(
  text: string,
  secrets: SecretLookup | undefined,
  where: string,
): string {
  return text.replace(DYNAMIC_REFERENCE, (reference: string, service: string, body: string) => {
    if (service !== 'secretsmanager') {
      throw new Error(
        `${where}: the dynamic reference ${reference} uses ${service}, which the sandbox does not run; ` +
          'use a template parameter instead',
      );
    }
    return resolveSecretReference(reference, body, secrets, where);
  });
}

function resolveSecretReference(
  reference: string,
  body: string,
  secrets: SecretLookup | undefined,
  where: string,
): string {
  const parts = body.split(':');
  const idLength = body.startsWith('arn:') ? ARN_PARTS : 1;
  const secretId = parts.slice(0, idLength).join(':');
  const [secretString = 'SecretString', jsonKey = ''] = parts.slice(idLength);
  if (secretString !== 'SecretString') {
    throw new Error(`${where}: ${reference} must name SecretString after the secret id`);
  }
  const value = secrets?.(secretId);
  if (value === undefined) {
    throw new Error(
      `${where}: ${reference} refers to the secret ${secretId}, which is not defined locally`,
    );
  }
  if (jsonKey === '') return value;
  return readJsonKey(value, jsonKey, reference, where);
}

function readJsonKey(value: string, jsonKey: string, reference: string, where: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(
      `${where}: ${reference} asks for the key ${jsonKey}, but the secret is not JSON`,
    );
  }
  const field = (parsed as Record<string, unknown> | null)?.[jsonKey];
  if (field === undefined) {
    throw new Error(`${where}: ${reference} asks for the key ${jsonKey}, which the secret lacks`);
  }
  return typeof field === 'string' ? field : JSON.stringify(field);
}
