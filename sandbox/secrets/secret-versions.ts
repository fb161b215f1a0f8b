// The versions of one local secret and their staging labels, as Secrets
// Manager keeps them: each label on one version at a time, AWSPREVIOUS moved
// onto the version AWSCURRENT leaves, and a rotation's AWSPENDING version
// known by its id before the rotation function stores its value.
import { createHash } from 'node:crypto';

export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';
export const PENDING = 'AWSPENDING';

export interface SecretVersion {
  id: string;
  /** Undefined while a rotation has named the version but not stored its value. */
  value?: string;
  stages: string[];
  created: number;
}

export class SecretVersionError extends Error {
  constructor(
    readonly type: 'ResourceNotFoundException' | 'InvalidRequestException',
    message: string,
  ) {
    super(message);
  }
}

/** The version id of a template value: the same value is the same version across restarts. */
export function versionIdOf(value: string): string {
  const hex = createHash('sha256').update(value).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}

export class SecretVersions {
  private readonly versions = new Map<string, SecretVersion>();

  /** `onCurrent` hears every new AWSCURRENT value, to keep it across restarts. */
  constructor(
    initialValue: string,
    private readonly onCurrent: (value: string) => void = () => undefined,
  ) {
    const id = versionIdOf(initialValue);
    this.versions.set(id, { id, value: initialValue, stages: [CURRENT], created: now() });
  }

  get currentValue(): string {
    return this.withStage(CURRENT)?.value ?? '';
  }

  /** By id, label or both (both must match); AWSCURRENT when neither is given. Only versions with a value. */
  find(versionId: string | undefined, stage: string | undefined): SecretVersion | undefined {
    const version =
      versionId !== undefined ? this.versions.get(versionId) : this.withStage(stage ?? CURRENT);
    if (!version || version.value === undefined) return undefined;
    if (stage !== undefined && !version.stages.includes(stage)) return undefined;
    return version;
  }

  /** DescribeSecret's VersionIdsToStages: versions that still have a label. */
  stagesById(): Record<string, string[]> {
    return Object.fromEntries(
      [...this.versions.values()]
        .filter((version) => version.stages.length > 0)
        .map((version) => [version.id, [...version.stages]]),
    );
  }

  /** What RotateSecret does before it invokes the rotation function: the token becomes AWSPENDING. */
  startRotation(token: string): void {
    if (this.versions.get(token)?.value !== undefined) {
      throw new SecretVersionError('InvalidRequestException', `Version ${token} already exists.`);
    }
    this.versions.set(token, { id: token, stages: [], created: now() });
    this.label(PENDING, token);
  }

  /** PutSecretValue: the value of a new version (or the same value again, which is a no-op). */
  put(versionId: string, value: string, stages: readonly string[]): void {
    const existing = this.versions.get(versionId);
    if (existing?.value !== undefined && existing.value !== value) {
      throw new SecretVersionError(
        'InvalidRequestException',
        `Version ${versionId} already exists with another value.`,
      );
    }
    this.versions.set(versionId, {
      ...(existing ?? { id: versionId, stages: [], created: now() }),
      value,
    });
    for (const stage of stages) this.attach(stage, versionId);
  }

  /** UpdateSecretVersionStage: `fromId` must hold the label when another version does. */
  moveStage(stage: string, toId: string | undefined, fromId: string | undefined): void {
    const holder = this.withStage(stage);
    if (toId === undefined) {
      if (holder && holder.id === fromId) holder.stages = holder.stages.filter((l) => l !== stage);
      return;
    }
    if (holder && holder.id !== toId && holder.id !== fromId) {
      throw new SecretVersionError(
        'InvalidRequestException',
        `The label ${stage} is on version ${holder.id}: name it in RemoveFromVersionId.`,
      );
    }
    if (!this.versions.get(toId)) {
      throw new SecretVersionError('ResourceNotFoundException', `No version ${toId}.`);
    }
    this.attach(stage, toId);
  }

  /** A label onto a version; moving AWSCURRENT leaves AWSPREVIOUS where it was. */
  private attach(stage: string, versionId: string): void {
    const holder = this.withStage(stage);
    if (holder?.id === versionId) return;
    if (stage === CURRENT && holder) this.label(PREVIOUS, holder.id);
    this.label(stage, versionId);
    if (stage === CURRENT) this.onCurrent(this.currentValue);
  }

  private label(stage: string, versionId: string): void {
    for (const version of this.versions.values()) {
      version.stages = version.stages.filter((label) => label !== stage);
    }
    this.versions.get(versionId)?.stages.push(stage);
  }

  private withStage(stage: string): SecretVersion | undefined {
    return [...this.versions.values()].find((version) => version.stages.includes(stage));
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
