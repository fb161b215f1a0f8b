// The Secrets Manager operations the sandbox serves, over the local secrets:
// what functions read (GetSecretValue by version id or label) and what
// rotation needs (DescribeSecret, PutSecretValue, UpdateSecretVersionStage,
// RotateSecret). Inputs and outputs are the JSON protocol's shapes.
import { randomUUID } from 'node:crypto';
import type { StoredSecret } from './local-secrets';
import { SecretVersionError } from './secret-versions';

export class SecretsManagerError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export type RotationStep = 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';

export interface SecretsManagerBackend {
  find(secretId: string): StoredSecret | undefined;
  /** The rotation function's ARN of a secret (its RotationSchedule); undefined when it has none. */
  rotationFunctionOf(secret: StoredSecret): string | undefined;
  /** Invokes the rotation function for one step; throws its error when it fails. */
  invokeRotation(
    functionArn: string,
    event: { Step: RotationStep; SecretId: string; ClientRequestToken: string },
  ): Promise<void>;
}

type Input = Record<string, unknown>;
type Operation = (backend: SecretsManagerBackend, input: Input) => Promise<object>;

const ROTATION_STEPS: readonly RotationStep[] = [
  'createSecret',
  'setSecret',
  'testSecret',
  'finishSecret',
];

function text(input: Input, field: string): string | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new SecretsManagerError(400, 'InvalidParameterException', `${field} must be a string.`);
  }
  return value;
}

function secretOf(backend: SecretsManagerBackend, input: Input): StoredSecret {
  const secretId = text(input, 'SecretId');
  if (secretId === undefined) {
    throw new SecretsManagerError(400, 'InvalidParameterException', 'SecretId is required.');
  }
  const secret = backend.find(secretId);
  if (!secret) {
    throw new SecretsManagerError(
      400,
      'ResourceNotFoundException',
      "Secrets Manager can't find the specified secret.",
    );
  }
  return secret;
}

/** Version errors as the JSON protocol names them. */
function withVersionErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SecretVersionError) {
      throw new SecretsManagerError(400, error.type, error.message);
    }
    throw error;
  }
}

const getSecretValue: Operation = async (backend, input) => {
  const secret = secretOf(backend, input);
  const stage = text(input, 'VersionStage');
  const version = secret.versions.find(text(input, 'VersionId'), stage);
  if (!version) {
    throw new SecretsManagerError(
      400,
      'ResourceNotFoundException',
      `Secrets Manager can't find the specified secret value for staging label: ${stage ?? 'AWSCURRENT'}`,
    );
  }
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.id,
    SecretString: version.value,
    VersionStages: version.stages,
    CreatedDate: version.created,
  };
};

const describeSecret: Operation = async (backend, input) => {
  const secret = secretOf(backend, input);
  const rotationFunction = backend.rotationFunctionOf(secret);
  return {
    ARN: secret.arn,
    Name: secret.name,
    RotationEnabled: rotationFunction !== undefined,
    ...(rotationFunction !== undefined && { RotationLambdaARN: rotationFunction }),
    VersionIdsToStages: secret.versions.stagesById(),
  };
};

const putSecretValue: Operation = async (backend, input) => {
  const secret = secretOf(backend, input);
  const value = text(input, 'SecretString');
  if (value === undefined) {
    throw new SecretsManagerError(
      400,
      'InvalidParameterException',
      'SecretString is required (binary secrets are not served locally).',
    );
  }
  const versionId = text(input, 'ClientRequestToken') ?? randomUUID();
  const stages = Array.isArray(input.VersionStages)
    ? input.VersionStages.filter((stage): stage is string => typeof stage === 'string')
    : ['AWSCURRENT'];
  withVersionErrors(() => secret.versions.put(versionId, value, stages));
  return { ARN: secret.arn, Name: secret.name, VersionId: versionId, VersionStages: stages };
};

const updateSecretVersionStage: Operation = async (backend, input) => {
  const secret = secretOf(backend, input);
  const stage = text(input, 'VersionStage');
  if (stage === undefined) {
    throw new SecretsManagerError(400, 'InvalidParameterException', 'VersionStage is required.');
  }
  withVersionErrors(() =>
    secret.versions.moveStage(
      stage,
      text(input, 'MoveToVersionId'),
      text(input, 'RemoveFromVersionId'),
    ),
  );
  return { ARN: secret.arn, Name: secret.name };
};

/**
 * Secrets Manager runs the four steps after RotateSecret has answered; the
 * sandbox runs them before it answers, so that the caller sees the rotated
 * secret, and a failed step is the call's error.
 */
const rotateSecret: Operation = async (backend, input) => {
  const secret = secretOf(backend, input);
  const functionArn = backend.rotationFunctionOf(secret);
  if (functionArn === undefined) {
    throw new SecretsManagerError(
      400,
      'InvalidRequestException',
      `${secret.name} has no RotationSchedule in the template.`,
    );
  }
  const token = text(input, 'ClientRequestToken') ?? randomUUID();
  withVersionErrors(() => secret.versions.startRotation(token));
  for (const step of ROTATION_STEPS) {
    await backend
      .invokeRotation(functionArn, { Step: step, SecretId: secret.arn, ClientRequestToken: token })
      .catch((error: unknown) => {
        throw new SecretsManagerError(
          400,
          'InvalidRequestException',
          `The rotation function failed at ${step}: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  }
  // A finished rotation leaves the new version labelled AWSCURRENT only.
  secret.versions.moveStage('AWSPENDING', undefined, token);
  return { ARN: secret.arn, Name: secret.name, VersionId: token };
};

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  GetSecretValue: getSecretValue,
  DescribeSecret: describeSecret,
  PutSecretValue: putSecretValue,
  UpdateSecretVersionStage: updateSecretVersionStage,
  RotateSecret: rotateSecret,
};
