import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// The floor of every function's cold start (bench/cold-start.ts): one
// DynamoDB document client created at module scope, and nothing else.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (): Promise<string> => String(await documents.config.region());
