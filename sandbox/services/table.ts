// Every emulated piece of the sandbox, in start-up order: a row starts after
// the row above it, or, when it says what it `needs`, as soon as those rows
// are up (`[]`: at once); each sees what the rows it waited for gave
// (endpoints, environment variables, resources), and they stop in reverse
// order. Ports, command-line options and the usage text come from here; a new
// service is one module and one row.
import type { SandboxService } from './contract';

export const SANDBOX_SERVICES: readonly SandboxService[] = [
  // First, while DynamoDB Local's JVM boots (spawned before this table is read):
  // the functions' builds and the custom resources, whose ids and Data the other
  // functions' environments may name, with the services their functions call
  // (SNS for the push platform applications, Secrets Manager for the push
  // credentials and the media signing key). Every function's endpoint variables
  // are known from the ports (endpoint-variables.ts), so these functions name
  // only local services even before the rows below are up.
  {
    name: 'push',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_SNS' },
    label: 'Push (SNS)',
    port: {
      flag: 'push-port',
      defaultPort: 4575,
      description: 'SNS mobile push endpoint and outbox port',
    },
    load: () => import('./push'),
  },
  {
    name: 'secrets-manager',
    needs: [],
    endpointVariable: { name: 'AWS_ENDPOINT_URL_SECRETS_MANAGER' },
    label: 'Secrets Manager',
    port: {
      flag: 'secrets-manager-port',
      defaultPort: 4584,
      description: 'Secrets Manager endpoint port (GetSecretValue and rotation)',
    },
    load: () => import('./secrets-manager'),
  },
  {
    name: 'builds',
    label: 'function builds',
    needs: [],
    load: () => import('./builds'),
  },
  {
    name: 'custom-resources',
    label: 'custom resources',
    needs: ['push', 'secrets-manager', 'builds'],
    load: () => import('./custom-resources'),
  },
  // Services that keep state, each with what the template declares in it.
  {
    name: 'dynamodb',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_DYNAMODB' },
    label: 'DynamoDB Local',
    port: { flag: 'dynamodb-port', defaultPort: 8000, description: 'DynamoDB Local port' },
    needs: [],
    load: () => import('./dynamodb'),
  },
  {
    name: 'cognito',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', host: 'public' },
    label: 'Cognito',
    port: { flag: 'cognito-port', defaultPort: 9229, description: 'Cognito port' },
    needs: [],
    load: () => import('./cognito'),
  },
  // After Cognito: its sign-ins create federated users in the pools Cognito made.
  {
    name: 'hosted-sign-in',
    label: 'Hosted sign-in (OAuth)',
    port: {
      flag: 'sign-in-port',
      defaultPort: 9230,
      description: 'hosted sign-in port (OAuth authorize, token, logout; test identity provider)',
    },
    load: () => import('./hosted-sign-in'),
  },
  // After Cognito: it checks the ID tokens of the pools Cognito made.
  {
    name: 'cognito-identity',
    label: 'Cognito Identity (identity pools)',
    port: {
      flag: 'cognito-identity-port',
      defaultPort: 9231,
      description: 'Cognito Identity port (identity pools: GetId, GetCredentialsForIdentity)',
    },
    load: () => import('./cognito-identity'),
  },
  // Its queues name only parameters and each other: they are made while
  // DynamoDB Local boots (the row is still added here, in order).
  {
    name: 'sqs',
    needs: [],
    endpointVariable: { name: 'AWS_ENDPOINT_URL_SQS' },
    label: 'SQS',
    port: { flag: 'sqs-port', defaultPort: 4566, description: 'SQS port' },
    load: () => import('./sqs'),
  },
  {
    name: 'search',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_CLOUDSEARCH_DOMAIN' },
    label: 'Search',
    port: {
      flag: 'search-port',
      defaultPort: 4571,
      description: 'OpenSearch- and CloudSearch-compatible search endpoint port',
    },
    load: () => import('./search'),
  },
  // Gateways find a function when a request comes, so they start before the
  // functions, whose environments name them.
  {
    name: 'lambda',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_LAMBDA' },
    label: 'Lambda API',
    port: { flag: 'lambda-port', defaultPort: 3001, description: 'Lambda Invoke API port' },
    load: () => import('./lambda'),
  },
  // After the Lambda API: object events are asynchronous invocations through it.
  {
    name: 's3',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_S3', host: 'public' },
    label: 'S3',
    port: { flag: 's3-port', defaultPort: 4569, description: 'S3 endpoint port' },
    load: () => import('./s3'),
  },
  {
    name: 'api',
    label: 'REST API',
    port: { flag: 'port', defaultPort: 3000, description: 'REST API port' },
    load: () => import('./rest-apis'),
  },
  {
    name: 'websocket',
    label: 'WebSocket API',
    port: { flag: 'websocket-port', defaultPort: 3002, description: 'WebSocket API port' },
    load: () => import('./websocket-apis'),
  },
  // Its Task states find the functions when an execution reaches them, and its
  // definitions name only functions: it validates them while DynamoDB Local boots.
  {
    name: 'step-functions',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_SFN' },
    needs: [],
    label: 'Step Functions',
    port: {
      flag: 'step-functions-port',
      defaultPort: 4590,
      description: 'Step Functions endpoint port (the state machines)',
    },
    load: () => import('./step-functions'),
  },
  // After the REST API, whose URL is the document's server: it bundles the demo app
  // while the rows between start.
  {
    name: 'docs',
    label: 'API docs',
    needs: ['api'],
    port: {
      flag: 'docs-port',
      defaultPort: 3003,
      description: 'demo app (/), API reference page (/docs/) and /openapi.json port',
    },
    load: () => import('./docs'),
  },
  // After the custom resources, whose key pair the distribution's public key names.
  {
    name: 'cloudfront',
    endpointVariable: { name: 'AWS_ENDPOINT_URL_CLOUDFRONT', host: 'public' },
    label: 'CloudFront',
    port: {
      flag: 'cloudfront-port',
      defaultPort: 4588,
      description: 'CloudFront endpoint port (signed media URLs and invalidations)',
    },
    load: () => import('./cloudfront'),
  },
  { name: 'functions', label: 'functions', load: () => import('./functions') },
  // Event sources poll from the start, so they need the functions hosted.
  {
    name: 'sqs-event-sources',
    label: 'SQS event sources',
    load: () => import('./sqs-event-sources'),
  },
  {
    name: 'stream-event-sources',
    label: 'DynamoDB stream event sources',
    load: () => import('./stream-event-sources'),
  },
  // After the stream mappings, which then see its deletes.
  {
    name: 'time-to-live',
    label: 'DynamoDB Time to Live',
    load: () => import('./time-to-live'),
  },
];
