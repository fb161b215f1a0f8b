// What the bill counts in template.yaml itself rather than per user: alarms,
// dashboards, secrets and the search volume, so that resources added to the
// stack show up in the bill without touching the cost model.
import { readFileSync } from 'node:fs';
import { parseCloudFormationYaml } from '../../sandbox/template/cloudformation-yaml';
import { isRecord, recordOrEmpty } from '../../sandbox/template/template-document';

export interface StackInventory {
  alarms: number;
  dashboards: number;
  secrets: number;
  openSearchDomains: number;
  openSearchVolumeGiB: number;
}

export const TEMPLATE_PATH = new URL('../../template.yaml', import.meta.url);

export function readStackInventory(path: URL | string = TEMPLATE_PATH): StackInventory {
  const document = recordOrEmpty(parseCloudFormationYaml(readFileSync(path, 'utf8')));
  const types = Object.values(recordOrEmpty(document.Resources)).map((resource) =>
    isRecord(resource) ? String(resource.Type) : '',
  );
  const count = (...wanted: string[]) => types.filter((type) => wanted.includes(type)).length;
  const volume = recordOrEmpty(recordOrEmpty(document.Parameters).OpenSearchVolumeGiB).Default;
  return {
    alarms: count('AWS::CloudWatch::Alarm'),
    dashboards: count('AWS::CloudWatch::Dashboard'),
    secrets: count('AWS::SecretsManager::Secret'),
    openSearchDomains: count('AWS::OpenSearchService::Domain'),
    openSearchVolumeGiB: Number(volume ?? 10),
  };
}
