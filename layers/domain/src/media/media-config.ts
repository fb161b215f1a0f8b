import * as z from 'zod';
import { readEnvironment, allowedOriginsOf } from '../config';
import type { Environment } from '../config';
import { MEDIA_TYPES } from './media';
import type { MediaType } from './media';
import { MAX_UPLOAD_URL_SECONDS } from './media-operations';

const nonEmpty = z.string().min(1);

/** The template's MediaMaxBytes default: 25 MiB. */
export const DEFAULT_MEDIA_MAX_BYTES = 25 * 1024 * 1024;

/** Signed media URLs: short by default, never longer than a day. */
export const DEFAULT_MEDIA_URL_SECONDS = 300;
export const MAX_MEDIA_URL_SECONDS = 24 * 60 * 60;

const SIGNED_DELIVERY_VARIABLES = [
  'MEDIA_DISTRIBUTION_URL',
  'MEDIA_SIGNING_KEY_SECRET_ARN',
  'MEDIA_SIGNING_KEY_PAIR_ID',
] as const;

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
    /** `cloudfront`: signed URLs on the distribution; `presigned`: presigned GETs of the bucket. */
    MEDIA_DELIVERY: z.enum(['cloudfront', 'presigned']).default('cloudfront'),
    MEDIA_DISTRIBUTION_URL: z.string().default(''),
    /** Where deleted media are invalidated; empty for no invalidation. */
    MEDIA_DISTRIBUTION_ID: z.string().default(''),
    MEDIA_SIGNING_KEY_SECRET_ARN: z.string().default(''),
    MEDIA_SIGNING_KEY_PAIR_ID: z.string().default(''),
    MEDIA_URL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_MEDIA_URL_SECONDS)
      .default(DEFAULT_MEDIA_URL_SECONDS),
    MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULT_MEDIA_MAX_BYTES),
    MEDIA_ALLOWED_TYPES: MediaTypeList.default([...MEDIA_TYPES]),
    MEDIA_UPLOAD_URL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_UPLOAD_URL_SECONDS)
      .default(MAX_UPLOAD_URL_SECONDS),
    ALLOWED_ORIGIN: nonEmpty.default('*'),
  })
  .superRefine((vars, issues) => {
    if (vars.MEDIA_DELIVERY !== 'cloudfront') return;
    for (const name of SIGNED_DELIVERY_VARIABLES) {
      if (vars[name] === '') {
        issues.addIssue({
          code: 'custom',
          path: [name],
          message: 'is required when MEDIA_DELIVERY is cloudfront',
        });
      }
    }
  });

const MediaProcessorEnvironment = z.object({
  APP_TABLE_NAME: nonEmpty,
  MEDIA_BUCKET_NAME: nonEmpty,
});

export interface MediaApiConfig {
  appTableName: string;
  idempotencyTableName: string;
  bucketName: string;
  delivery: SignedMediaDelivery | { kind: 'presigned' };
  /** The distribution deleted media are invalidated in; undefined for none. */
  distributionId: string | undefined;
  maxBytes: number;
  allowedTypes: MediaType[];
  uploadUrlSeconds: number;
  allowedOrigins: string[];
}

export interface SignedMediaDelivery {
  kind: 'cloudfront';
  distributionUrl: string;
  signingKeySecretArn: string;
  keyPairId: string;
  urlSeconds: number;
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
        ? {
            kind: 'cloudfront',
            distributionUrl: vars.MEDIA_DISTRIBUTION_URL,
            signingKeySecretArn: vars.MEDIA_SIGNING_KEY_SECRET_ARN,
            keyPairId: vars.MEDIA_SIGNING_KEY_PAIR_ID,
            urlSeconds: vars.MEDIA_URL_SECONDS,
          }
        : { kind: 'presigned' },
    distributionId: vars.MEDIA_DISTRIBUTION_ID || undefined,
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

/** The distribution account deletion invalidates the user's media in; undefined for none. */
export function mediaErasureDistribution(env: Environment = process.env): string | undefined {
  const vars = readEnvironment(z.object({ MEDIA_DISTRIBUTION_ID: z.string().default('') }), env);
  return vars.MEDIA_DISTRIBUTION_ID || undefined;
}
