// The template's AWS::SecretsManager::RotationSchedule resources: which
// function rotates which secret, and the invocation of one rotation step in
// that function, as Secrets Manager invokes it.
import { hostOfArn } from '../runtime/function-arn';
import type { FunctionRegistry } from '../runtime/function-registry';
import type { SandboxModel } from '../template/model';
import { resolveValue, type ResolveContext } from '../template/resolve';
import type { StoredSecret } from './local-secrets';
import type { SecretsManagerBackend } from './secrets-manager-operations';

/** Secret ARN → rotation function ARN. */
export function rotationSchedules(
  model: Pick<SandboxModel, 'resources'>,
  ctx: ResolveContext,
): Map<string, string> {
  return new Map(
    model.resources
      .filter((resource) => resource.type === 'AWS::SecretsManager::RotationSchedule')
      .map((resource) => {
        const at = (name: string) => `${resource.logicalId}.${name}`;
        return [
          String(resolveValue(resource.properties.SecretId, ctx, at('SecretId'))),
          String(resolveValue(resource.properties.RotationLambdaARN, ctx, at('RotationLambdaARN'))),
        ];
      }),
  );
}

/** Rotation through the hosted functions; a function that is not hosted (yet) is an error. */
export function rotationThroughFunctions(
  schedules: ReadonlyMap<string, string>,
  functions: Pick<FunctionRegistry, 'hosted'>,
): Pick<SecretsManagerBackend, 'rotationFunctionOf' | 'invokeRotation'> {
  return {
    rotationFunctionOf: (secret: StoredSecret) => schedules.get(secret.arn),
    async invokeRotation(functionArn, event) {
      const host = hostOfArn(functions.hosted, functionArn);
      if (!host) throw new Error(`The rotation function ${functionArn} is not hosted`);
      const result = await host.invoke(event);
      if (result.status === 'failed') throw new Error(result.error.errorMessage);
    },
  };
}
