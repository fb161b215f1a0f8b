// The mobile backend's TypeScript client: Cognito sign-in, every REST route
// typed from docs/openapi.json, the WebSocket API and media uploads, on
// fetch and WebSocket alone.
//
//   const backend = createMobileBackendClient(outputs);
//   await backend.auth.signIn(email, password);
//   const { data: item } = await backend.api.request('post', '/v1/items', {
//     body: { title: 'Bike', visibility: 'public' },
//   });
import { createCognitoAuth, type AuthFlow, type CognitoAuth } from './cognito-auth';
import { createRestClient, type RestClient } from './rest-client';
import { connectRealtime, type RealtimeConnection, type RealtimeOptions } from './realtime';
import type { RetryPolicy } from './retry';
import type { Schemas } from './typed-routes';
import { uploadTo } from './upload';

export { ApiError, type Problem } from './api-error';
export { CognitoError, type AuthFlow, type CognitoAuth, type Tokens } from './cognito-auth';
export { ifMatchValue, type RestClient } from './rest-client';
export type { RealtimeConnection, RealtimeState, ServerFrame, ClientFrame } from './realtime';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export type { Schemas, HttpMethod, PathsWith, CallOptions, Reply } from './typed-routes';
export type { paths, components, operations } from './api-types';

/** The stack's outputs the client needs (the names `sam deploy` prints and outputs.json holds). */
export interface BackendOutputs {
  ApiUrl: string;
  WebSocketUrl?: string;
  UserPoolClientId: string;
  /** The user pool's id: sign-in with USER_SRP_AUTH (the default) needs it. */
  UserPoolId?: string;
  /** The Cognito endpoint: the sandbox's output, or `https://cognito-idp.<region>.amazonaws.com/`. */
  CognitoEndpoint: string;
}

export interface ClientOptions {
  fetch?: typeof fetch;
  /** How `auth.signIn` proves the password: USER_SRP_AUTH unless given. */
  authFlow?: AuthFlow;
  retry?: Partial<RetryPolicy>;
  WebSocket?: typeof WebSocket;
}

export interface MobileBackendClient {
  auth: CognitoAuth;
  api: RestClient;
  /** Asks for an upload, sends the bytes to S3 and returns the media id (processing follows). */
  uploadMedia(bytes: Blob | ArrayBuffer | Uint8Array, media: Schemas['NewMedia']): Promise<string>;
  /** Polls GET /v1/media/{id} until the media is ready or rejected. */
  waitForMedia(mediaId: string, timeoutMs?: number): Promise<Schemas['Media']>;
  realtime(
    options?: Partial<Pick<RealtimeOptions, 'pingIntervalMs' | 'reconnect'>>,
  ): RealtimeConnection;
}

export function createMobileBackendClient(
  outputs: BackendOutputs,
  options: ClientOptions = {},
): MobileBackendClient {
  const auth = createCognitoAuth({
    endpoint: outputs.CognitoEndpoint,
    clientId: outputs.UserPoolClientId,
    ...(outputs.UserPoolId && { userPoolId: outputs.UserPoolId }),
    ...(options.authFlow && { authFlow: options.authFlow }),
    ...(options.fetch && { fetch: options.fetch }),
  });
  const api = createRestClient({
    apiUrl: outputs.ApiUrl,
    token: () => auth.idToken(),
    refreshToken: async () => {
      if (!auth.current()?.refreshToken) return false;
      return auth.refresh().then(
        () => true,
        () => false,
      );
    },
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.retry && { retry: options.retry }),
  });
  return {
    auth,
    api,
    async uploadMedia(bytes, media) {
      const { data } = await api.request('post', '/v1/media', { body: media });
      await uploadTo(data.upload, bytes, options.fetch);
      return data.mediaId;
    },
    async waitForMedia(mediaId, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { data } = await api.request('get', '/v1/media/{mediaId}', { path: { mediaId } });
        if (data.status !== 'pending' || Date.now() > deadline) return data;
        await new Promise((done) => setTimeout(done, 200));
      }
    },
    realtime(realtimeOptions = {}) {
      if (!outputs.WebSocketUrl) throw new Error('No WebSocketUrl in the outputs');
      return connectRealtime({
        url: outputs.WebSocketUrl,
        token: () => auth.idToken(),
        ...realtimeOptions,
        ...(options.WebSocket && { WebSocket: options.WebSocket }),
      });
    },
  };
}
