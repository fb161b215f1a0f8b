import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  createCursorKeyRotation,
  type SecretsManagerRotationEvent,
} from '@mobile-backend/domain/apps/cursor-key-rotation';

const rotate = createCursorKeyRotation();

/** Invoked by Secrets Manager once per step (createSecret, setSecret, testSecret, finishSecret). */
export const handler = instrumentHandler(async (event: SecretsManagerRotationEvent) =>
  rotate(event),
);
