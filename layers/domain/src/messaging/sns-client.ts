import { SNSClient } from '@aws-sdk/client-sns';
import { tracer } from '../observability';

/** One traced SNS client for an execution environment's pushes and SMS; the endpoint comes from AWS_ENDPOINT_URL_SNS when set. */
export function createSnsClient(): SNSClient {
  return tracer.captureAWSv3Client(new SNSClient({}));
}
