import * as z from 'zod';
import { readEnvironment, allowedOriginsOf } from '../config';
import type { Environment } from '../config';
import { MEDIA_TYPES } from './media';
import type { MediaType } from './media';
import { MAX_UPLOAD_URL_SECONDS } from './media-operations';

const nonEmpty = z.string().min(1);

const MediaTypeList = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((type) => type.trim())
      .filter((type) => type !== ''),
  )
  .pipe(z.array(z.enum(MEDIA_TYPES)).min(1));

const MediaApiEnvironment = z
  .object({
    APP_TABLE_NAME: nonEmpty,
    IDEMPOTENCY_TABLE_NAME: nonEmpty,
    MEDIA_BUCKET_NAME: nonEmpty,
    /** `cloudfront`: URLs on the distribution; `presigned`: presigned GETs of the bucket. */
    MEDIA_DELIVERY: z.enum(['cloudfront', 'presigned']).default('cloudfront'),
    MEDIA_DISTRIBUTION_DOMAIN: z.string().default(''),
    MEDIA_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(25 * 1024 * 1024),
    MEDIA_ALLOWED_TYPES: MediaTypeList.default([...MEDIA_TYPES]),
    MEDIA_UPLOAD_URL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_UPLOAD_URL_SECONDS)
      .default(MAX_UPLOAD_URL_SECONDS),
    ALLOWED_ORIGIN: nonEmpty.default('*'),
  })
  .refine((vars) => vars.MEDIA_DELIVERY !== 'cloudfront' || vars.MEDIA_DISTRIBUTION_DOMAIN !== '', {
    path: ['MEDIA_DISTRIBUTION_DOMAIN'],
    message: 'is required when MEDIA_DELIVERY is cloudfront',
  });

const MediaProcessorEnvironment = z.object({
  APP_TABLE_NAME: nonEmpty,
  MEDIA_BUCKET_NAME: nonEmpty,
});

export interface MediaApiConfig {
  appTableName: string;
  idempotencyTableName: string;
  bucketName: string;
  delivery: { kind: 'cloudfront'; distributionDomain: string } | { kind: 'presigned' };
  maxBytes: number;
  allowedTypes: MediaType[];
  uploadUrlSeconds: number;
  allowedOrigins: string[];
}

export interface MediaProcessorConfig {
  appTableName: string;
  bucketName: string;
}

export function mediaApiConfig(env: Environment = process.env): MediaApiConfig {
  const vars = readEnvironment(MediaApiEnvironment, env);
  return {
    appTableName: vars.APP_TABLE_NAME,
    idempotencyTableName: vars.IDEMPOTENCY_TABLE_NAME,
    bucketName: vars.MEDIA_BUCKET_NAME,
    delivery:
      vars.MEDIA_DELIVERY === 'cloudfront'
        ? { kind: 'cloudfront', distributionDomain: vars.MEDIA_DISTRIBUTION_DOMAIN }
        : { kind: 'presigned' },
    maxBytes: vars.MEDIA_MAX_BYTES,
    allowedTypes: vars.MEDIA_ALLOWED_TYPES,
    uploadUrlSeconds: vars.MEDIA_UPLOAD_URL_SECONDS,
    allowedOrigins: allowedOriginsOf(vars.ALLOWED_ORIGIN),
  };
}

export function mediaProcessorConfig(env: Environment = process.env): MediaProcessorConfig {
  const vars = readEnvironment(MediaProcessorEnvironment, env);
  return { appTableName: vars.APP_TABLE_NAME, bucketName: vars.MEDIA_BUCKET_NAME };
}

/** The bucket account deletion empties of the user's objects. */
export function mediaErasureBucket(env: Environment = process.env): string {
  return readEnvironment(z.object({ MEDIA_BUCKET_NAME: nonEmpty }), env).MEDIA_BUCKET_NAME;
}
