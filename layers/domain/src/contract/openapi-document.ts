// The OpenAPI 3.1 document of the REST API, generated from the zod schemas
// the handlers validate with and the response schemas of the domain's types.
// `npm run openapi` writes it to docs/openapi.json; the sandbox serves it.
// No layer entry imports this module, so zod-openapi never reaches a bundle.
import { createDocument, createSchema } from 'zod-openapi';
import { ItemContentSchema, ItemPatchSchema } from '../items/item';
import { RegisterDeviceSchema } from '../messaging/devices/device';
import { SendMessageSchema } from '../messaging/message';
import { ProfilePatchSchema } from '../profiles/profile';
import { itemPaths } from './paths/items';
import { mediaPaths } from './paths/media';
import { messagingPaths } from './paths/messaging';
import { profilePaths } from './paths/profile';
import { publicPaths, SIGV4_SCHEME } from './paths/public';
import { searchPaths } from './paths/search';
import { ClientFrameSchema, ServerFrameSchema, webSocketExtension } from './realtime';

/** The handlers' own request schemas, named: the document refers to these very objects. */
const requestBodySchemas = {
  NewItem: ItemContentSchema,
  ItemPatch: ItemPatchSchema,
  ProfilePatch: ProfilePatchSchema,
  NewDevice: RegisterDeviceSchema,
  NewMessage: SendMessageSchema,
};

export const BEARER_SCHEME = 'CognitoIdToken';

const DESCRIPTION = `The REST API of the mobile backend. The prose contract, with every
convention this document cannot express (pagination, concurrency, idempotency, input limits,
real time, account deletion), is docs/api.md in the repository.

- Send a Cognito **ID token** of the stack's user pool as \`Authorization: Bearer <token>\`;
  the guest routes under \`/v1/public\` take SigV4 instead.
- Errors are RFC 9457 problem documents (\`application/problem+json\`, schema \`Problem\`).
- A method a path does not list is a \`405\` \`method-not-allowed\` with an \`Allow\` header;
  a path not listed here is a \`404\` \`not-found\`.
- The WebSocket frames are the schemas \`ClientFrame\` and \`ServerFrame\`; \`x-websocket\`
  says where they travel.`;

export interface OpenApiOptions {
  /** The API's base URL, stage included (the stack's `ApiUrl` output); a placeholder without. */
  serverUrl?: string;
}

type OpenApiDocument = ReturnType<typeof createDocument>;

export function openApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const server = options.serverUrl
    ? { url: options.serverUrl, description: 'This API' }
    : {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com/{stage}',
        description: "The stack's `ApiUrl` output (in the sandbox `http://127.0.0.1:3000/api`)",
        variables: {
          apiId: { default: 'api-id' },
          region: { default: 'us-east-1' },
          stage: { default: 'api' },
        },
      };
  const document = createDocument({
    openapi: '3.1.0',
    info: { title: 'Mobile backend API', version: '1.0.0', description: DESCRIPTION },
    servers: [server],
    security: [{ [BEARER_SCHEME]: [] }],
    tags: [
      { name: 'Profile' },
      { name: 'Items' },
      { name: 'Media' },
      { name: 'Search' },
      { name: 'Devices' },
      { name: 'Messages' },
      { name: 'Guests' },
    ],
    paths: {
      ...profilePaths,
      ...itemPaths,
      ...mediaPaths,
      ...searchPaths,
      ...messagingPaths,
      ...publicPaths,
    },
    components: {
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "A Cognito ID token of the stack's user pool (the authorizer declares no scopes, so API Gateway accepts ID tokens only); valid 60 minutes",
        },
        [SIGV4_SCHEME]: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'awsSigv4',
          description:
            'AWS Signature Version 4 for the service `execute-api`, with identity-pool credentials (`X-Amz-Security-Token` carries the session token); see docs/api.md, Guests',
        },
      },
      schemas: requestBodySchemas,
    },
    'x-websocket': webSocketExtension,
  });
  return withFrameSchemas(document);
}

/**
 * No operation uses the WebSocket frames, so they are rendered on their own:
 * client frames as input, server frames as output, sharing the components
 * (`Message`) the operations already have.
 */
function withFrameSchemas(document: OpenApiDocument): OpenApiDocument {
  const frames = [
    createSchema(ClientFrameSchema, { io: 'input' }),
    createSchema(ServerFrameSchema, { io: 'output' }),
  ];
  const schemas = Object.assign({}, ...frames.map((frame) => frame.components), {
    ...document.components?.schemas,
  });
  return { ...document, components: { ...document.components, schemas } };
}
