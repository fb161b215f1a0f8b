import { instrumentHandler } from '@mobile-backend/domain/http';
import { createPushPlatformApplicationsResource } from '@mobile-backend/domain/apps/push-platform-applications';

const resource = createPushPlatformApplicationsResource();

/** Invoked by CloudFormation (Create, Update, Delete); replies to the event's ResponseURL, never by returning. */
export const handler = instrumentHandler(resource);
