// The SNS platform applications of the stack, as a CloudFormation custom resource
// (CloudFormation has no resource type for them). An entry of its own: the
// messaging functions do not load the Secrets Manager client.

export { createPushPlatformApplicationsResource } from '../messaging/push/platform-applications-app';
export { createCustomResourceHandler } from '../custom-resources/custom-resource';
export type {
  CustomResourceHandler,
  CustomResourceProvider,
} from '../custom-resources/custom-resource';
export { PushPlatformApplications } from '../messaging/push/platform-applications';
