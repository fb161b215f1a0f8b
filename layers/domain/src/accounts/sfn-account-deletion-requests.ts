import { createHash } from 'node:crypto';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { tracer } from '../observability';
import type { AccountDeletionRequests } from './account-deletion-requests';

/** Step Functions execution names: 1..80 letters, digits, `-` and `_`. */
const NAMEABLE_USER_ID = /^[A-Za-z0-9_-]{1,74}$/;

/**
 * One execution per account, named after the user: a second request finds the
 * name taken and starts nothing (Step Functions keeps names of a Standard
 * state machine for 90 days after the execution closed).
 */
export function erasureExecutionName(userId: string): string {
  if (NAMEABLE_USER_ID.test(userId)) return `erase-${userId}`;
  return `erase-${createHash('sha256').update(userId).digest('hex').slice(0, 64)}`;
}

/** Starts AccountErasureStateMachine for the account. */
export class StepFunctionsAccountDeletionRequests implements AccountDeletionRequests {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  /** The endpoint comes from AWS_ENDPOINT_URL_SFN when set. */
  static create(stateMachineArn: string): StepFunctionsAccountDeletionRequests {
    return new StepFunctionsAccountDeletionRequests(
      tracer.captureAWSv3Client(new SFNClient({})),
      stateMachineArn,
    );
  }

  async request(userId: string): Promise<void> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: erasureExecutionName(userId),
          input: JSON.stringify({ userId }),
        }),
      );
    } catch (error) {
      // Asked before: that execution is (or was) the erasure.
      if (error instanceof ExecutionAlreadyExists || isNamed(error, 'ExecutionAlreadyExists')) {
        return;
      }
      throw error;
    }
  }
}

function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}
