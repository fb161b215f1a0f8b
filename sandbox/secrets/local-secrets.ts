import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhysicalResources, SecretSpec } from '../template/model';
import { localArn } from '../template/pseudo-parameters';
import { SecretVersions } from './secret-versions';
import type { PseudoParameters } from '../template/pseudo-parameters';

/** A secret the sandbox adds: its value made by `generate` when none is stored. */
export interface LocalSecretSpec extends SecretSpec {
  generate?: () => string;
}

export interface LocalSecretsOptions {
  secrets: LocalSecretSpec[];
  pseudo: PseudoParameters;
  /** Where `secrets.json` keeps the values across restarts; undefined keeps them in memory. */
  dataDir?: string;
}

export interface LocalSecrets {
  /** Ref = the local ARN of each secret. */
  resources: PhysicalResources;
  /** The secret value by ARN, name or logical id; undefined when unknown. */
  lookup(idOrArn: string): string | undefined;
  /** The secret by ARN, name or logical id, as Secrets Manager describes it; undefined when unknown. */
  find(idOrArn: string): StoredSecret | undefined;
}

export interface StoredSecret {
  arn: string;
  name: string;
  /** The versions and their labels; a rotation changes them while the sandbox runs. */
  versions: SecretVersions;
}

const LETTERS_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PUNCTUATION = '!#$%&()*+,-./:;<=>?@[]^_{|}~';
// Secrets Manager's default length.
const DEFAULT_PASSWORD_LENGTH = 32;

function generatePassword(spec: SecretSpec): string {
  const excluded = new Set(spec.excludeCharacters ?? '');
  const alphabet = [
    ...(spec.excludePunctuation ? LETTERS_AND_DIGITS : LETTERS_AND_DIGITS + PUNCTUATION),
  ].filter((char) => !excluded.has(char));
  const length = spec.passwordLength ?? DEFAULT_PASSWORD_LENGTH;
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function generateSecretValue(spec: LocalSecretSpec): string {
  if (spec.secretString !== undefined) return spec.secretString;
  if (spec.generate) return spec.generate();
  const password = generatePassword(spec);
  if (spec.secretStringTemplate === undefined || spec.generateStringKey === undefined)
    return password;
  return JSON.stringify({
    ...JSON.parse(spec.secretStringTemplate),
    [spec.generateStringKey]: password,
  });
}

function readStoredValues(file: string | undefined): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** AWS appends a random suffix to the name in the ARN; `-local` marks a local secret the same way. */
export function localSecretArn(pseudo: PseudoParameters, name: string): string {
  return localArn(pseudo, 'secretsmanager', `secret:${name}-local`);
}

/**
 * Generates a value for each secret of the template once and keeps it, so data signed or
 * encrypted with it stays readable across restarts.
 */
export function createLocalSecrets(options: LocalSecretsOptions): LocalSecrets {
  const file = options.dataDir ? join(options.dataDir, 'secrets.json') : undefined;
  const stored = readStoredValues(file);
  const values: Record<string, string> = {};
  // A rotated value replaces the stored one, so data signed with it stays readable after a restart.
  const save = () => {
    if (!file || !options.dataDir) return;
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify({ ...stored, ...values }, null, 2)}\n`, { mode: 0o600 });
  };
  const resources: PhysicalResources = {};
  const byId = new Map<string, StoredSecret>();
  for (const spec of options.secrets) {
    // A fixed SecretString in the template always wins over what was stored.
    const value = spec.secretString ?? stored[spec.logicalId] ?? generateSecretValue(spec);
    values[spec.logicalId] = value;
    const name = spec.name ?? spec.logicalId;
    const arn = localSecretArn(options.pseudo, name);
    const versions = new SecretVersions(value, (current) => {
      values[spec.logicalId] = current;
      save();
    });
    resources[spec.logicalId] = { ref: arn, attributes: { Id: arn } };
    for (const id of [arn, name, spec.logicalId]) byId.set(id, { arn, name, versions });
  }
  save();
  return {
    resources,
    lookup: (idOrArn) => byId.get(idOrArn)?.versions.currentValue,
    find: (idOrArn) => byId.get(idOrArn),
  };
}
