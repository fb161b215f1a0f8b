// The state behind the local SNS endpoint: platform applications (created
// through the API, as the stack's custom resource does) and their endpoints,
// both kept across restarts with a data directory, and the outbox of every notification
// "delivered" to a phone: pushes to endpoints, and SMS published to a phone number.
// Tokens that start with `invalid-` are rejected as APNs/FCM reject a stale
// token (the endpoint becomes disabled); `error-` tokens fail like a provider
// outage (a 500 the caller should retry).
import { randomUUID } from 'node:crypto';
import { QueryError } from './query-protocol';
import {
  assertCredentials,
  newPlatformApplication,
  type PlatformApplication,
  type PushPlatform,
} from './platform-applications';
import type { KeptApplications } from './kept-applications';

export interface PlatformEndpoint {
  arn: string;
  applicationArn: string;
  platform: PushPlatform;
  token: string;
  enabled: boolean;
  customUserData: string;
}

/** One push notification as the phone would receive it. */
export interface PushOutboxEntry {
  kind: 'push';
  endpointArn: string;
  platform: PushPlatform;
  token: string;
  /** CustomUserData of the endpoint (our user id). */
  userId: string;
  /** The platform payload, parsed: `{ aps: … }` for APNs, `{ notification, data }` for FCM. */
  payload: unknown;
  messageId: string;
  sentAt: string;
}

/** One SMS, as `Publish` with `PhoneNumber` sent it. */
export interface SmsOutboxEntry {
  kind: 'sms';
  phoneNumber: string;
  text: string;
  /** `AWS.SNS.SMS.SMSType` as the publisher set it (`Transactional`, `Promotional`), or null. */
  smsType: string | null;
  messageId: string;
  sentAt: string;
}

export type OutboxEntry = PushOutboxEntry | SmsOutboxEntry;

// What SNS takes as a phone number: E.164, `+` and up to 15 digits.
const E164 = /^\+[1-9]\d{1,14}$/;

const INVALID_TOKEN_PREFIX = 'invalid-';
const FAILING_TOKEN_PREFIX = 'error-';

export class PushService {
  private readonly applications = new Map<string, PlatformApplication>();
  private readonly endpoints = new Map<string, PlatformEndpoint>();
  readonly outbox: OutboxEntry[] = [];

  constructor(
    /** `arn:<partition>:sns:<region>:<account>` of the applications created here. */
    private readonly arnPrefix: string,
    private readonly onDelivered: (entry: OutboxEntry) => void = () => undefined,
    /** Where the applications and endpoints are kept across restarts; none: in memory only. */
    private readonly kept?: KeptApplications,
  ) {
    for (const application of kept?.applications ?? []) {
      this.applications.set(application.arn, application);
    }
    for (const endpoint of kept?.endpoints ?? []) this.endpoints.set(endpoint.arn, endpoint);
  }

  /** Like SNS: the same name and platform again is the same application, with the new attributes. */
  createPlatformApplication(
    name: string,
    platform: string,
    attributes: Record<string, string>,
  ): string {
    const application = newPlatformApplication(this.arnPrefix, name, platform, attributes);
    const known = this.applications.get(application.arn);
    if (known) Object.assign(known.attributes, attributes);
    else this.applications.set(application.arn, application);
    this.keepState();
    return application.arn;
  }

  /** Credentials are write-only on SNS: they are not returned. */
  getPlatformApplicationAttributes(arn: string): Record<string, string> {
    const attributes: Record<string, string> = {
      ...this.application(arn).attributes,
      Enabled: 'true',
    };
    delete attributes.PlatformCredential;
    return attributes;
  }

  setPlatformApplicationAttributes(arn: string, attributes: Record<string, string>): void {
    const application = this.application(arn);
    const updated = { ...application.attributes, ...attributes };
    assertCredentials(application.platform, updated);
    application.attributes = updated;
    this.keepState();
  }

  /** Its endpoints go with it, as on SNS; deleting one that does not exist succeeds. */
  deletePlatformApplication(arn: string): void {
    this.applications.delete(arn);
    for (const endpoint of [...this.endpoints.values()]) {
      if (endpoint.applicationArn === arn) this.endpoints.delete(endpoint.arn);
    }
    this.keepState();
  }

  /** The ARNs of the applications, for a look at what the sandbox runs. */
  platformApplicationArns(): string[] {
    return [...this.applications.keys()];
  }

  /** Like SNS: the same token on the same application is the same endpoint, unless its attributes differ. */
  createPlatformEndpoint(applicationArn: string, token: string, customUserData = ''): string {
    const application = this.applications.get(applicationArn);
    if (!application) throw new QueryError(404, 'NotFound', 'PlatformApplication does not exist');
    if (!token) throw new QueryError(400, 'InvalidParameter', 'Invalid parameter: Token');
    for (const endpoint of this.endpoints.values()) {
      if (endpoint.applicationArn !== applicationArn || endpoint.token !== token) continue;
      if (endpoint.customUserData === customUserData && endpoint.enabled) return endpoint.arn;
      throw new QueryError(
        400,
        'InvalidParameter',
        `Invalid parameter: Token Reason: Endpoint ${endpoint.arn} already exists with the same Token, but different attributes.`,
      );
    }
    const arn = `${application.arnPrefix}:endpoint/${application.platform}/${application.name}/${randomUUID()}`;
    this.endpoints.set(arn, {
      arn,
      applicationArn,
      platform: application.platform,
      token,
      enabled: true,
      customUserData,
    });
    this.keepState();
    return arn;
  }

  getEndpointAttributes(arn: string): Record<string, string> {
    const endpoint = this.endpoint(arn);
    return {
      Enabled: String(endpoint.enabled),
      Token: endpoint.token,
      CustomUserData: endpoint.customUserData,
    };
  }

  setEndpointAttributes(arn: string, attributes: Record<string, string>): void {
    const endpoint = this.endpoint(arn);
    if (attributes.Token !== undefined) endpoint.token = attributes.Token;
    if (attributes.CustomUserData !== undefined)
      endpoint.customUserData = attributes.CustomUserData;
    if (attributes.Enabled !== undefined) endpoint.enabled = attributes.Enabled === 'true';
    this.keepState();
  }

  /** Deleting an endpoint that does not exist succeeds, as on SNS. */
  deleteEndpoint(arn: string): void {
    if (this.endpoints.delete(arn)) this.keepState();
  }

  /** Publish to an endpoint with `MessageStructure: json`, or with a plain message. */
  publish(targetArn: string, message: string, messageStructure?: string): string {
    const endpoint = this.endpoint(targetArn);
    if (!endpoint.enabled) throw new QueryError(400, 'EndpointDisabled', 'Endpoint is disabled');
    if (endpoint.token.startsWith(FAILING_TOKEN_PREFIX)) {
      throw new QueryError(500, 'InternalError', 'The push provider did not answer');
    }
    if (endpoint.token.startsWith(INVALID_TOKEN_PREFIX)) {
      // Stale token: the provider refuses it and SNS disables the endpoint.
      endpoint.enabled = false;
      this.keepState();
      throw new QueryError(400, 'EndpointDisabled', 'Endpoint is disabled');
    }
    const payload = payloadFor(endpoint.platform, message, messageStructure);
    const entry: OutboxEntry = {
      kind: 'push',
      endpointArn: endpoint.arn,
      platform: endpoint.platform,
      token: endpoint.token,
      userId: endpoint.customUserData,
      payload,
      messageId: randomUUID(),
      sentAt: new Date().toISOString(),
    };
    this.outbox.push(entry);
    this.onDelivered(entry);
    return entry.messageId;
  }

  /** Publish with `PhoneNumber`: an SMS, kept in the outbox beside the pushes. */
  publishSms(phoneNumber: string, text: string, attributes: Record<string, string>): string {
    if (!E164.test(phoneNumber)) {
      throw new QueryError(400, 'InvalidParameter', 'Invalid parameter: PhoneNumber');
    }
    const entry: OutboxEntry = {
      kind: 'sms',
      phoneNumber,
      text,
      smsType: attributes['AWS.SNS.SMS.SMSType'] ?? null,
      messageId: randomUUID(),
      sentAt: new Date().toISOString(),
    };
    this.outbox.push(entry);
    this.onDelivered(entry);
    return entry.messageId;
  }

  private keepState(): void {
    this.kept?.keep([...this.applications.values()], [...this.endpoints.values()]);
  }

  private application(arn: string): PlatformApplication {
    const application = this.applications.get(arn);
    if (!application) throw new QueryError(404, 'NotFound', 'PlatformApplication does not exist');
    return application;
  }

  private endpoint(arn: string): PlatformEndpoint {
    const endpoint = this.endpoints.get(arn);
    if (!endpoint) throw new QueryError(404, 'NotFound', 'Endpoint does not exist');
    return endpoint;
  }
}

/** What the phone gets: the platform's own JSON, or `default` when there is none. */
function payloadFor(platform: PushPlatform, message: string, structure?: string): unknown {
  if (structure !== 'json') return message;
  let messages: Record<string, unknown>;
  try {
    messages = JSON.parse(message) as Record<string, unknown>;
  } catch {
    throw new QueryError(
      400,
      'InvalidParameter',
      'Invalid parameter: Message Structure - JSON message body failed to parse',
    );
  }
  if (typeof messages.default !== 'string') {
    throw new QueryError(
      400,
      'InvalidParameter',
      'Invalid parameter: Message Structure - No default entry in JSON message body',
    );
  }
  const own = messages[platform];
  if (typeof own !== 'string') return messages.default;
  try {
    return JSON.parse(own) as unknown;
  } catch {
    throw new QueryError(
      400,
      'InvalidParameter',
      `Invalid parameter: Message - ${platform} payload is not JSON`,
    );
  }
}
