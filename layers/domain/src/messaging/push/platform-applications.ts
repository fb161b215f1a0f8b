import * as z from 'zod';
import type {
  CustomResourceProvider,
  ProvidedResource,
  ResourceProperties,
} from '../../custom-resources/custom-resource';
import {
  platformAttributesOf,
  type PlatformApplicationAttributes,
} from './platform-application-credentials';
import type { PushPlatformKey } from './push-notification';
import { parseResourceProperties } from '../../custom-resources/resource-properties';

/** SNS platform applications (the custom resource's own port). */
export interface PlatformApplicationService {
  /** Returns the application's ARN. */
  create(
    name: string,
    platform: PushPlatformKey,
    attributes: PlatformApplicationAttributes,
  ): Promise<string>;
  /** Throws when the application does not exist. */
  setAttributes(arn: string, attributes: PlatformApplicationAttributes): Promise<void>;
  /** Deleting one that does not exist succeeds. */
  delete(arn: string): Promise<void>;
}

/** Where the credentials are kept (Secrets Manager). */
export interface SecretReader {
  /** The secret's string value. */
  read(secretId: string): Promise<string>;
}

const Properties = z.object({
  Platform: z.enum(['APNS', 'APNS_SANDBOX', 'GCM']),
  // SNS: up to 256 letters, digits, underscores, hyphens and periods.
  Name: z.string().regex(/^[\w.-]{1,256}$/, 'must be 1-256 letters, digits, _ - or .'),
  CredentialsSecretArn: z.string().min(1, 'must name the secret with the credentials'),
});
type PlatformApplicationProperties = z.infer<typeof Properties>;

const APPLICATION_ARN = /^arn:[\w-]+:sns:[\w-]+:\d{12}:app\/(APNS|APNS_SANDBOX|GCM)\/([\w.-]+)$/;

/**
 * `Custom::PushPlatformApplication`: one SNS platform application, its
 * credentials read from a Secrets Manager secret. Its id (`!Ref`) and its
 * `Arn` attribute are the application's ARN. New credentials update it in
 * place; another platform or name is another application, so CloudFormation
 * deletes the old one once the stack update succeeds.
 */
export class PushPlatformApplications implements CustomResourceProvider {
  constructor(
    private readonly applications: PlatformApplicationService,
    private readonly secrets: SecretReader,
  ) {}

  async create(properties: ResourceProperties): Promise<ProvidedResource> {
    const wanted = parseResourceProperties(Properties, properties);
    const arn = await this.applications.create(
      wanted.Name,
      wanted.Platform,
      await this.attributesOf(wanted),
    );
    return { physicalResourceId: arn, data: { Arn: arn } };
  }

  async update(physicalResourceId: string, properties: ResourceProperties) {
    const wanted = parseResourceProperties(Properties, properties);
    const current = APPLICATION_ARN.exec(physicalResourceId);
    if (current?.[1] !== wanted.Platform || current[2] !== wanted.Name) {
      return this.create(properties);
    }
    await this.applications.setAttributes(physicalResourceId, await this.attributesOf(wanted));
    return { physicalResourceId, data: { Arn: physicalResourceId } };
  }

  async delete(physicalResourceId: string): Promise<void> {
    // Not an application ARN: a Create that failed, nothing was made.
    if (!APPLICATION_ARN.test(physicalResourceId)) return;
    await this.applications.delete(physicalResourceId);
  }

  private async attributesOf(
    wanted: PlatformApplicationProperties,
  ): Promise<PlatformApplicationAttributes> {
    const value = await this.secrets.read(wanted.CredentialsSecretArn);
    return platformAttributesOf(wanted.Platform, value);
  }
}
