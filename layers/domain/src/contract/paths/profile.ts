import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ProfilePatchSchema } from '../../profiles/profile';
import { IfMatchHeader } from '../headers';
import { problems } from '../problems';
import { AccountDeletionSchema, ProfileSchema } from '../resources';
import { jsonBody, jsonReply, MERGE_PATCH_TYPES, versionedReply } from '../responses';

export const profilePaths: ZodOpenApiPathsObject = {
  '/v1/me': {
    get: {
      operationId: 'getProfile',
      tags: ['Profile'],
      summary: "The caller's profile, created from the token's claims on the first call",
      responses: {
        '200': versionedReply('The profile', ProfileSchema),
        ...problems('not-found'),
      },
    },
    patch: {
      operationId: 'updateProfile',
      tags: ['Profile'],
      summary: 'A JSON merge patch of the profile; null clears a nullable field',
      requestParams: { header: IfMatchHeader },
      requestBody: jsonBody(ProfilePatchSchema, MERGE_PATCH_TYPES),
      responses: {
        '200': versionedReply('The profile, one version more', ProfileSchema),
        ...problems(
          'bad-request',
          'not-found',
          'conflict',
          'precondition-failed',
          'payload-too-large',
          'unsupported-media-type',
          'validation-failed',
        ),
      },
    },
    delete: {
      operationId: 'deleteAccount',
      tags: ['Profile'],
      summary: 'Marks the account as being deleted; the erasure runs asynchronously',
      responses: {
        '202': jsonReply('The deletion has started', AccountDeletionSchema),
        ...problems(),
      },
    },
  },
};
