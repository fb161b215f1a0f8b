import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { tracer } from '../observability';
import type { AccountDeletionRequests } from './account-deletion-requests';
import type { AccountDeletionRequest } from './account-deletion-request';

/** Invokes AccountDeletionFunction asynchronously (`Event`): Lambda queues it and retries on failure. */
export class LambdaAccountDeletionRequests implements AccountDeletionRequests {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  static create(functionName: string): LambdaAccountDeletionRequests {
    return new LambdaAccountDeletionRequests(
      tracer.captureAWSv3Client(new LambdaClient({})),
      functionName,
    );
  }

  async request(userId: string): Promise<void> {
    const payload: AccountDeletionRequest = { userId };
    const { StatusCode } = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
    );
    if (StatusCode !== 202) {
      throw new Error(`Queuing the account deletion failed with status ${StatusCode}`);
    }
  }
}
