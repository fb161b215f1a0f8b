// The platform applications kept in the data directory (unless --in-memory),
// so that a restart finds those the stack's custom resources created and a
// warm start need not create them again, with their endpoints: the devices
// the app registered, whose ARNs the device records in DynamoDB Local name
// (an endpoint a restart forgot answered NotFound, and the worker dropped the
// device as gone). The outbox stays in memory.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeWholeSync } from '../write-whole';
import type { PlatformApplication } from './platform-applications';
import type { PlatformEndpoint } from './push-service';

/** The SNS actions whose effects the kept file holds (a custom resource using only these can be kept). */
export const KEPT_PUSH_ACTIONS = [
  'sns:CreatePlatformApplication',
  'sns:GetPlatformApplicationAttributes',
  'sns:SetPlatformApplicationAttributes',
  'sns:DeletePlatformApplication',
  'sns:CreatePlatformEndpoint',
  'sns:GetEndpointAttributes',
  'sns:SetEndpointAttributes',
  'sns:DeleteEndpoint',
] as const;

export interface KeptApplications {
  /**
   * Made anew when no earlier file could be read (a first start, a deleted or
   * damaged file): what an earlier start created is gone, and must be created again.
   */
  stateId: string;
  /** The applications as the last change left them. */
  applications: PlatformApplication[];
  /** Their endpoints as the last change left them. */
  endpoints: PlatformEndpoint[];
  /** Keeps the applications and endpoints as they are now. */
  keep(applications: readonly PlatformApplication[], endpoints: readonly PlatformEndpoint[]): void;
}

interface KeptFile {
  stateId: string;
  applications: PlatformApplication[];
  /** Absent from the files of earlier versions, which kept no endpoints. */
  endpoints?: PlatformEndpoint[];
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
  const { stateId, applications, endpoints } = readKeptFile(file) ?? {
    stateId: randomUUID(),
    applications: [],
  };
  return {
    stateId,
    applications,
    endpoints: Array.isArray(endpoints) ? endpoints : [],
    keep(nowApplications, nowEndpoints) {
      const kept: KeptFile = {
        stateId,
        applications: [...nowApplications],
        endpoints: [...nowEndpoints],
      };
      // The credentials are private keys: readable by the owner only.
      writeWholeSync(file, JSON.stringify(kept), { mode: 0o600 });
    },
  };
}
