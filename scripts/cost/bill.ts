// A month's usage priced and grouped into the services a bill shows.
import { charge, type PriceList } from './price-list';
import type { Usage } from './usage';

/** The bill's lines: each service and the price-list entries it is made of. */
export const SERVICES: readonly { service: string; prices: readonly string[] }[] = [
  { service: 'Lambda (Arm)', prices: ['lambdaRequests', 'lambdaArmGbSecond'] },
  { service: 'API Gateway REST', prices: ['restApiRequests'] },
  { service: 'API Gateway WebSocket', prices: ['webSocketMessages', 'webSocketConnectionMinutes'] },
  {
    service: 'DynamoDB (on-demand, storage, PITR, streams)',
    prices: [
      'dynamoDbReadRequestUnits',
      'dynamoDbWriteRequestUnits',
      'dynamoDbStorageGbMonth',
      'dynamoDbBackupGbMonth',
      'dynamoDbStreamReads',
    ],
  },
  { service: 'SQS', prices: ['sqsRequests'] },
  { service: 'SNS mobile push', prices: ['snsMobilePush'] },
  { service: 'SNS SMS (US)', prices: ['snsSmsUnitedStates'] },
  {
    service: 'S3 + Glacier Instant Retrieval',
    prices: ['s3StandardGbMonth', 's3GlacierInstantGbMonth', 's3PutRequests', 's3GetRequests'],
  },
  { service: 'CloudFront', prices: ['cloudFrontDataOutGb', 'cloudFrontHttpsRequests'] },
  { service: 'Cognito (Essentials)', prices: ['cognitoEssentialsMau'] },
  {
    service: 'OpenSearch (t3.small.search + gp3)',
    prices: ['openSearchT3SmallHour', 'openSearchGp3GbMonth'],
  },
  { service: 'Step Functions (standard)', prices: ['stepFunctionsTransitions'] },
  {
    service: 'CloudWatch (logs, metrics, alarms, dashboards)',
    prices: [
      'cloudWatchLogsIngestedGb',
      'cloudWatchLogsStoredGbMonth',
      'cloudWatchCustomMetricMonth',
      'cloudWatchStandardAlarmMonth',
      'cloudWatchDashboardMonth',
    ],
  },
  { service: 'Secrets Manager', prices: ['secretsManagerSecretMonth', 'secretsManagerApiCalls'] },
  { service: 'X-Ray', prices: ['xRayTracesRecorded'] },
];

export interface BillLine {
  service: string;
  usd: number;
}

export interface MonthlyBill {
  lines: BillLine[];
  totalUsd: number;
}

export function monthlyBill(usage: Usage, list: PriceList): MonthlyBill {
  const lines = SERVICES.map(({ service, prices }) => ({
    service,
    usd: prices.reduce((sum, name) => sum + chargeOf(name, usage, list), 0),
  }));
  return { lines, totalUsd: lines.reduce((sum, line) => sum + line.usd, 0) };
}

function chargeOf(name: string, usage: Usage, list: PriceList): number {
  const price = list.prices[name];
  if (!price) throw new Error(`The price list has no ${name}`);
  return charge(price, usage[name] ?? 0);
}
