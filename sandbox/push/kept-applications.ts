// The platform applications kept in the data directory (unless --in-memory),
// so that a restart finds those the stack's custom resources created and a
// warm start need not create them again. Their endpoints and the outbox stay
// in memory: a restart forgets them, as it always did.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeWholeSync } from '../write-whole';
import type { PlatformApplication } from './platform-applications';

/** The SNS actions whose effects the kept file holds (a custom resource using only these can be kept). */
export const KEPT_PLATFORM_APPLICATION_ACTIONS = [
  'sns:CreatePlatformApplication',
  'sns:GetPlatformApplicationAttributes',
  'sns:SetPlatformApplicationAttributes',
  'sns:DeletePlatformApplication',
] as const;

export interface KeptApplications {
  /**
   * Made anew when no earlier file could be read (a first start, a deleted or
   * damaged file): what an earlier start created is gone, and must be created again.
   */
  stateId: string;
  /** The applications as the last change left them. */
  applications: PlatformApplication[];
  /** Keeps the applications as they are now. */
  keep(applications: readonly PlatformApplication[]): void;
}

interface KeptFile {
  stateId: string;
  applications: PlatformApplication[];
}

function readKeptFile(file: string): KeptFile | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<KeptFile>;
    const readable = typeof kept.stateId === 'string' && Array.isArray(kept.applications);
    return readable ? (kept as KeptFile) : undefined;
  } catch {
    return undefined;
  }
}

export function keptApplications(file: string): KeptApplications {
  const { stateId, applications } = readKeptFile(file) ?? {
    stateId: randomUUID(),
    applications: [],
  };
  return {
    stateId,
    applications,
    keep(now) {
      // The credentials are private keys: readable by the owner only.
      writeWholeSync(file, JSON.stringify({ stateId, applications: now }), { mode: 0o600 });
    },
  };
}
