import { instrumentHandler } from '@mobile-backend/domain/http';
import { createMediaSigningKeyResource } from '@mobile-backend/domain/apps/media-signing-key';

const resource = createMediaSigningKeyResource();

/** Invoked by CloudFormation (Create, Update, Delete); replies to the event's ResponseURL, never by returning. */
export const handler = instrumentHandler(resource);
