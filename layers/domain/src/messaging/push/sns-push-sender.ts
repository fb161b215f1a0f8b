import {
  CreatePlatformEndpointCommand,
  DeleteEndpointCommand,
  GetEndpointAttributesCommand,
  PublishCommand,
  SetEndpointAttributesCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { createSnsClient } from '../sns-client';
import { platformKeyOfArn, snsMessageFor, type PushNotification } from './push-notification';
import type { PushEndpoint, PushOutcome, PushSender } from './push-sender';

const EXISTING_ENDPOINT = /Endpoint (arn:\S+) already exists with the same [Tt]oken/;

function isNamed(error: unknown, ...names: string[]): boolean {
  return error instanceof Error && names.includes(error.name);
}

/** SNS mobile push; the endpoint comes from AWS_ENDPOINT_URL_SNS when set. */
export class SnsPushSender implements PushSender {
  constructor(private readonly client: SNSClient) {}

  static create(client: SNSClient = createSnsClient()): SnsPushSender {
    return new SnsPushSender(client);
  }

  async createEndpoint(applicationArn: string, token: string, userId: string): Promise<string> {
    // SNS returns the existing endpoint for a token it knows when the attributes match,
    // and names it in an InvalidParameter error when they differ (another user's token).
    try {
      const { EndpointArn } = await this.client.send(
        new CreatePlatformEndpointCommand({
          PlatformApplicationArn: applicationArn,
          Token: token,
          CustomUserData: userId,
        }),
      );
      if (!EndpointArn) throw new Error('SNS returned no endpoint ARN');
      return EndpointArn;
    } catch (error) {
      const existing = isNamed(error, 'InvalidParameterException')
        ? EXISTING_ENDPOINT.exec((error as Error).message)?.[1]
        : undefined;
      if (!existing) throw error;
      await this.client.send(
        new SetEndpointAttributesCommand({
          EndpointArn: existing,
          Attributes: { CustomUserData: userId, Enabled: 'true', Token: token },
        }),
      );
      return existing;
    }
  }

  async getEndpoint(endpointArn: string): Promise<PushEndpoint | undefined> {
    try {
      const { Attributes = {} } = await this.client.send(
        new GetEndpointAttributesCommand({ EndpointArn: endpointArn }),
      );
      return { enabled: Attributes.Enabled === 'true', token: Attributes.Token ?? '' };
    } catch (error) {
      if (isNamed(error, 'NotFoundException')) return undefined;
      throw error;
    }
  }

  async enableEndpoint(endpointArn: string, token: string): Promise<void> {
    await this.client.send(
      new SetEndpointAttributesCommand({
        EndpointArn: endpointArn,
        Attributes: { Enabled: 'true', Token: token },
      }),
    );
  }

  async deleteEndpoint(endpointArn: string): Promise<void> {
    // Deleting an endpoint that is gone succeeds on SNS: nothing to handle.
    await this.client.send(new DeleteEndpointCommand({ EndpointArn: endpointArn }));
  }

  async publish(endpointArn: string, notification: PushNotification): Promise<PushOutcome> {
    try {
      await this.client.send(
        new PublishCommand({
          TargetArn: endpointArn,
          MessageStructure: 'json',
          Message: snsMessageFor(platformKeyOfArn(endpointArn), notification),
        }),
      );
      return 'delivered';
    } catch (error) {
      if (isNamed(error, 'EndpointDisabledException', 'NotFoundException')) return 'gone';
      throw error;
    }
  }
}
