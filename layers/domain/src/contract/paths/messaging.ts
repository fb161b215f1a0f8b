import * as z from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { RegisterDeviceSchema } from '../../messaging/devices/device';
import { SendMessageSchema } from '../../messaging/message';
import { IdempotencyKeyHeader } from '../headers';
import { PageQuery, pathId } from '../parameters';
import { problems } from '../problems';
import {
  ConversationListSchema,
  DeviceListSchema,
  DeviceSchema,
  MessageListSchema,
  QueuedMessageReceiptSchema,
} from '../resources';
import { jsonBody, jsonReply, noContent } from '../responses';

const BODY_PROBLEMS = [
  'bad-request',
  'payload-too-large',
  'unsupported-media-type',
  'validation-failed',
] as const;

export const messagingPaths: ZodOpenApiPathsObject = {
  '/v1/devices': {
    post: {
      operationId: 'registerDevice',
      tags: ['Devices'],
      summary: 'Registers a phone for push; the same token again gives the same device',
      requestBody: jsonBody(RegisterDeviceSchema),
      responses: {
        '201': jsonReply('The device (never its token)', DeviceSchema),
        ...problems(...BODY_PROBLEMS),
      },
    },
    get: {
      operationId: 'listDevices',
      tags: ['Devices'],
      summary: "Every device of the caller's, oldest first",
      responses: { '200': jsonReply('All devices', DeviceListSchema), ...problems() },
    },
  },
  '/v1/devices/{deviceId}': {
    delete: {
      operationId: 'removeDevice',
      tags: ['Devices'],
      summary: 'Removes a device and its push endpoint',
      requestParams: { path: z.object({ deviceId: pathId('The device id') }) },
      responses: { '204': noContent, ...problems('not-found') },
    },
  },
  '/v1/messages': {
    post: {
      operationId: 'sendMessage',
      tags: ['Messages'],
      summary: 'Queues a message to a user with an active profile; delivery is asynchronous',
      requestParams: { header: IdempotencyKeyHeader },
      requestBody: jsonBody(SendMessageSchema),
      responses: {
        '202': jsonReply('Queued', QueuedMessageReceiptSchema),
        ...problems(
          ...BODY_PROBLEMS,
          'not-found',
          'idempotency-in-progress',
          'idempotency-key-reused',
        ),
      },
    },
  },
  '/v1/conversations': {
    get: {
      operationId: 'listConversations',
      tags: ['Messages'],
      summary: "The caller's conversations, most recent message first",
      requestParams: { query: PageQuery },
      responses: {
        '200': jsonReply('A page of conversations', ConversationListSchema),
        ...problems('bad-request'),
      },
    },
  },
  '/v1/conversations/{peerId}/messages': {
    get: {
      operationId: 'listMessages',
      tags: ['Messages'],
      summary: 'The messages between the caller and a peer, newest first; resets unread',
      requestParams: {
        path: z.object({ peerId: pathId("The other user's id") }),
        query: PageQuery,
      },
      responses: {
        '200': jsonReply('A page of messages', MessageListSchema),
        ...problems('bad-request', 'not-found'),
      },
    },
  },
};
