// The bodies the API answers with, as schemas of the domain's own types:
// `describes<T>()` keeps each one exactly the type the operations return.
import * as z from 'zod';
import { ItemDataSchema, type Item } from '../items/item';
import type { ItemList } from '../items/item-operations';
import type { MediaUpload, MediaView } from '../media/media-operations';
import { MEDIA_TYPES } from '../media/media';
import type { ConversationSummary } from '../messaging/conversation-store';
import type { DeviceView } from '../messaging/devices/device';
import type { StoredMessage } from '../messaging/message';
import type { Listing, QueuedReceipt } from '../messaging/message-operations';
import type { Profile } from '../profiles/profile';
import type { SearchHit } from '../search/search-index';
import type { SearchPage } from '../search/search-operations';
import { describes } from './same-shape';

const Timestamp = z.string().meta({
  description: 'ISO 8601 UTC with milliseconds',
  example: '2026-01-31T09:30:00.000Z',
});
const Ulid = z.string().meta({ description: 'A ULID: 26 characters, sortable by creation time' });
const UserId = z.string().meta({ description: "A Cognito user's `sub`" });
const Version = z
  .number()
  .int()
  .min(1)
  .meta({ description: 'One more on every change; also the `ETag`' });
const NextCursor = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `?cursor=` for the next page; `null` on the last page' });

export const ProfileSchema = describes<Profile>()(
  z
    .object({
      userId: UserId,
      email: z.string().nullable(),
      displayName: z.string().nullable(),
      role: z.enum(['customer', 'provider']),
      bio: z.string().nullable(),
      avatarMediaId: z.string().nullable(),
      phoneNumber: z
        .string()
        .nullable()
        .meta({ description: 'E.164; SMS notices go to it only while Cognito has it verified' }),
      smsNotices: z.boolean().meta({ description: 'Opted in to SMS notices' }),
      smsWithText: z.boolean().meta({ description: 'SMS notices carry the message text' }),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      version: Version,
    })
    .meta({ id: 'Profile' }),
);

export const AccountDeletionSchema = z
  .object({ status: z.literal('deleting') })
  .meta({ id: 'AccountDeletion' });

export const ItemSchema = describes<Item>()(
  z
    .object({
      id: Ulid,
      ownerId: UserId,
      title: z.string(),
      body: z.string(),
      tags: z.array(z.string()),
      visibility: z.enum(['private', 'public']),
      data: ItemDataSchema,
      mediaIds: z.array(z.string()),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      version: Version,
    })
    .meta({ id: 'Item' }),
);

export const ItemListSchema = describes<ItemList>()(
  z.object({ items: z.array(ItemSchema), nextCursor: NextCursor }).meta({ id: 'ItemList' }),
);

const MediaStatus = z.enum(['pending', 'ready', 'rejected']);
const MediaType = z.enum(MEDIA_TYPES);

export const MediaUploadSchema = describes<MediaUpload>()(
  z
    .object({
      mediaId: Ulid,
      status: z.literal('pending'),
      upload: z.object({
        method: z.literal('PUT'),
        url: z.string().meta({ description: 'A presigned S3 URL' }),
        headers: z
          .record(z.string(), z.string())
          .meta({ description: 'Send exactly these headers with the PUT' }),
      }),
      expiresAt: Timestamp,
    })
    .meta({ id: 'MediaUpload' }),
);

export const MediaSchema = describes<MediaView>()(
  z
    .object({
      mediaId: Ulid,
      ownerId: UserId,
      status: MediaStatus,
      contentType: MediaType,
      size: z.number().int().min(1).meta({ description: 'Bytes' }),
      fileName: z.string().nullable(),
      url: z.string().nullable().meta({ description: 'Where to download it, only when `ready`' }),
      createdAt: Timestamp,
    })
    .meta({ id: 'Media' }),
);

export const DeviceSchema = describes<DeviceView>()(
  z
    .object({
      deviceId: z.string().meta({ description: '22 characters derived from platform and token' }),
      platform: z.enum(['ios', 'android']),
      createdAt: Timestamp,
    })
    .meta({ id: 'Device' }),
);

export const DeviceListSchema = describes<{ items: DeviceView[]; nextCursor: null }>()(
  z
    .object({
      items: z.array(DeviceSchema),
      nextCursor: z.null().meta({ description: 'Not paginated: always `null`' }),
    })
    .meta({ id: 'DeviceList' }),
);

export const MessageSchema = describes<StoredMessage>()(
  z
    .object({ messageId: Ulid, from: UserId, to: UserId, text: z.string(), sentAt: Timestamp })
    .meta({ id: 'Message' }),
);

export const MessageListSchema = describes<Listing<StoredMessage>>()(
  z.object({ items: z.array(MessageSchema), nextCursor: NextCursor }).meta({ id: 'MessageList' }),
);

export const QueuedMessageReceiptSchema = describes<QueuedReceipt>()(
  z.object({ messageId: Ulid, status: z.literal('queued') }).meta({ id: 'QueuedMessage' }),
);

export const ConversationSchema = describes<ConversationSummary>()(
  z
    .object({
      peerId: UserId,
      lastMessage: MessageSchema,
      updatedAt: Timestamp,
      unread: z.number().int().min(0),
      peerDeleted: z
        .literal(true)
        .optional()
        .meta({ description: "The peer's account was erased; the line stays as a placeholder" }),
    })
    .meta({ id: 'Conversation' }),
);

export const ConversationListSchema = describes<Listing<ConversationSummary>>()(
  z
    .object({ items: z.array(ConversationSchema), nextCursor: NextCursor })
    .meta({ id: 'ConversationList' }),
);

export const SearchHitSchema = describes<SearchHit>()(
  z
    .object({
      id: Ulid,
      ownerId: UserId,
      title: z.string(),
      snippet: z
        .string()
        .meta({ description: 'HTML-escaped excerpt, matches in `<em>`: safe to render as HTML' }),
      tags: z.array(z.string()),
      visibility: z.enum(['private', 'public']),
      updatedAt: Timestamp,
      score: z.number(),
    })
    .meta({ id: 'SearchHit' }),
);

export const SearchPageSchema = describes<SearchPage>()(
  z
    .object({
      items: z.array(SearchHitSchema),
      total: z
        .number()
        .int()
        .min(0)
        .meta({ description: 'Matches in all; 10,000 can be paged to' }),
      nextCursor: NextCursor,
    })
    .meta({ id: 'SearchPage' }),
);
