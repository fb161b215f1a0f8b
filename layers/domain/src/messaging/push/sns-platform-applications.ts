import {
  CreatePlatformApplicationCommand,
  DeletePlatformApplicationCommand,
  SetPlatformApplicationAttributesCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { PlatformApplicationAttributes } from './platform-application-credentials';
import type { PlatformApplicationService } from './platform-applications';
import type { PushPlatformKey } from './push-notification';

/** SNS platform applications; the endpoint comes from AWS_ENDPOINT_URL_SNS when set. */
export class SnsPlatformApplications implements PlatformApplicationService {
  constructor(private readonly client: SNSClient) {}

  async create(
    name: string,
    platform: PushPlatformKey,
    attributes: PlatformApplicationAttributes,
  ): Promise<string> {
    const { PlatformApplicationArn } = await this.client.send(
      new CreatePlatformApplicationCommand({
        Name: name,
        Platform: platform,
        Attributes: attributes,
      }),
    );
    if (!PlatformApplicationArn) throw new Error('SNS returned no platform application ARN');
    return PlatformApplicationArn;
  }

  async setAttributes(arn: string, attributes: PlatformApplicationAttributes): Promise<void> {
    await this.client.send(
      new SetPlatformApplicationAttributesCommand({
        PlatformApplicationArn: arn,
        Attributes: attributes,
      }),
    );
  }

  async delete(arn: string): Promise<void> {
    try {
      await this.client.send(new DeletePlatformApplicationCommand({ PlatformApplicationArn: arn }));
    } catch (error) {
      // Deleted already (by hand, or by an earlier attempt): what Delete wants.
      if (error instanceof Error && error.name === 'NotFoundException') return;
      throw error;
    }
  }
}
