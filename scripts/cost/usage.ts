// What one month of a user base does to each metered dimension, keyed like
// the price list. The per-user habits below are assumptions, not
// measurements: the four that move the bill most are command-line options.
import type { StackInventory } from './stack-inventory';

export interface Scenario {
  /** Monthly active users. */
  mau: number;
  /** REST API requests per user per month. */
  requestsPerUser: number;
  /** Messages each user sends per month. */
  messagesPerUser: number;
  /** GB of media each user keeps. */
  mediaGbPerUser: number;
  /** SMS each user is sent per month. */
  smsPerUser: number;
}

export const DEFAULT_HABITS: Omit<Scenario, 'mau'> = {
  requestsPerUser: 300,
  messagesPerUser: 100,
  mediaGbPerUser: 0.1,
  smsPerUser: 0,
};

/** Per-user and per-request figures the options do not set; each with its reason. */
export const ASSUMPTIONS = {
  /** Share of REST requests that write (POST, PATCH, DELETE). */
  writeShare: 0.2,
  /** Strongly consistent reads of items under 4 KB: one RRU each, about two per request. */
  readUnitsPerRequest: 2,
  /** The write and its idempotency record. */
  writeUnitsPerWrite: 2,
  /** One transaction (message, two conversation lines, two account checks, all doubled) and its idempotency record. */
  writeUnitsPerMessage: 12,
  readUnitsPerMessage: 4,
  /** Profile, items, conversations and devices of one user. */
  tableGbPerUser: 0.002,
  webSocketConnectsPerUser: 30,
  connectionMinutesPerUser: 300,
  /** The delivered frame and a typing indicator. */
  webSocketFramesPerMessage: 2,
  /** The app pings every two minutes. */
  pingsPerConnectionMinute: 0.5,
  pushesPerMessage: 1,
  uploadsPerUser: 10,
  /** The media processor reads each upload's head and first bytes. */
  s3GetsPerUpload: 2,
  /** Media move to Glacier Instant Retrieval after 90 days (MediaArchiveAfterDays). */
  mediaShareInStandard: 0.25,
  mediaViewsPerUser: 100,
  /** CloudFront serves as many GB a month as are stored. */
  mediaGbServedPerStoredGb: 1,
  cacheMissShare: 0.1,
  /** Lambda's SQS pollers long-poll the message queue all month, messages or not (unsure: an estimate). */
  idleQueuePollsPerMonth: 650_000,
  sqsRequestsPerMessage: 3,
  accountDeletionsPerUser: 0.005,
  erasureStateTransitions: 15,
  /** 512 MB for about 100 ms. */
  gbSecondsPerInvocation: 0.05,
  logKbPerInvocation: 1,
  accessLogKbPerRequest: 0.5,
  /** Powertools metrics (name and dimension sets) the functions emit. */
  customMetrics: 30,
  /** X-Ray's default sampling keeps about 5% of requests after the first each second. */
  tracedShare: 0.05,
  /** Cold starts read the secrets once each. */
  coldStartShare: 0.01,
  hoursPerMonth: 730,
} as const;

export type Usage = Record<string, number>;

const KB_PER_GB = 1024 * 1024;

/** Units of every priced dimension in one month. */
export function monthlyUsage(scenario: Scenario, stack: StackInventory): Usage {
  const a = ASSUMPTIONS;
  const users = scenario.mau;
  const requests = users * scenario.requestsPerUser;
  const messages = users * scenario.messagesPerUser;
  const writes = requests * a.writeShare;
  const connects = users * a.webSocketConnectsPerUser;
  const connectionMinutes = users * a.connectionMinutesPerUser;
  const pings = connectionMinutes * a.pingsPerConnectionMinute;
  const frames = messages * a.webSocketFramesPerMessage + pings;
  const uploads = users * a.uploadsPerUser;
  const deletions = users * a.accountDeletionsPerUser;
  const storedMediaGb = users * scenario.mediaGbPerUser;
  const views = users * a.mediaViewsPerUser;
  const typingFrames = messages;
  // $connect, its authorizer and $disconnect.
  const connectionInvocations = connects * 3;
  const invocations =
    requests + // the API functions
    typingFrames +
    pings +
    connectionInvocations + // WebSocketFunction and its authorizer
    messages + // MessageWorkerFunction
    writes + // SearchIndexerFunction, one item change each
    uploads + // MediaProcessorFunction
    deletions; // AccountDeletionFunction
  const logsGb =
    (invocations * a.logKbPerInvocation + (requests + frames) * a.accessLogKbPerRequest) /
    KB_PER_GB;
  const tableGb = users * a.tableGbPerUser;
  return {
    lambdaRequests: invocations,
    lambdaArmGbSecond: invocations * a.gbSecondsPerInvocation,
    restApiRequests: requests,
    webSocketMessages: frames,
    webSocketConnectionMinutes: connectionMinutes,
    dynamoDbReadRequestUnits: requests * a.readUnitsPerRequest + messages * a.readUnitsPerMessage,
    dynamoDbWriteRequestUnits:
      writes * a.writeUnitsPerWrite + messages * a.writeUnitsPerMessage + connects * 2,
    dynamoDbStorageGbMonth: tableGb,
    dynamoDbBackupGbMonth: tableGb,
    dynamoDbStreamReads: writes + messages,
    sqsRequests: messages * a.sqsRequestsPerMessage + a.idleQueuePollsPerMonth,
    snsMobilePush: messages * a.pushesPerMessage,
    snsSmsUnitedStates: users * scenario.smsPerUser,
    s3StandardGbMonth: storedMediaGb * a.mediaShareInStandard,
    s3GlacierInstantGbMonth: storedMediaGb * (1 - a.mediaShareInStandard),
    s3PutRequests: uploads,
    s3GetRequests: uploads * a.s3GetsPerUpload + views * a.cacheMissShare,
    cloudFrontDataOutGb: storedMediaGb * a.mediaGbServedPerStoredGb,
    cloudFrontHttpsRequests: views,
    cognitoEssentialsMau: users,
    openSearchT3SmallHour: stack.openSearchDomains * a.hoursPerMonth,
    openSearchGp3GbMonth: stack.openSearchDomains * stack.openSearchVolumeGiB,
    stepFunctionsTransitions: deletions * a.erasureStateTransitions,
    cloudWatchLogsIngestedGb: logsGb,
    // LogRetentionInDays defaults to 30: about one month of logs is kept.
    cloudWatchLogsStoredGbMonth: logsGb,
    cloudWatchCustomMetricMonth: a.customMetrics,
    cloudWatchStandardAlarmMonth: stack.alarms,
    cloudWatchDashboardMonth: stack.dashboards,
    secretsManagerSecretMonth: stack.secrets,
    secretsManagerApiCalls: invocations * a.coldStartShare * stack.secrets,
    xRayTracesRecorded: (requests + messages + uploads) * a.tracedShare,
  };
}
