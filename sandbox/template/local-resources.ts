// Resources whose local identity follows from the template alone: no local
// service has to create them before `!Ref` and `!GetAtt` can name them.
import type { PhysicalResources, SandboxModel } from './model';
import { localArn, type PseudoParameters } from './pseudo-parameters';

export function functionResources(
  model: SandboxModel,
  pseudo: PseudoParameters,
): PhysicalResources {
  return Object.fromEntries(
    model.functions.map((fn) => [
      fn.logicalId,
      {
        ref: fn.logicalId,
        attributes: { Arn: localArn(pseudo, 'lambda', `function:${fn.logicalId}`) },
      },
    ]),
  );
}

export function layerResources(model: SandboxModel, pseudo: PseudoParameters): PhysicalResources {
  return Object.fromEntries(
    model.layers.map((layer) => [
      layer.logicalId,
      { ref: localArn(pseudo, 'lambda', `layer:${layer.logicalId}:1`), attributes: {} },
    ]),
  );
}

export function restApiResources(model: SandboxModel): PhysicalResources {
  return Object.fromEntries(
    model.restApis.map((api) => [
      api.logicalId,
      { ref: `local${api.logicalId.toLowerCase()}`, attributes: { RootResourceId: 'root' } },
    ]),
  );
}
