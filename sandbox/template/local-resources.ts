// Resources whose local identity follows from the template alone: no local
// service has to create them before `!Ref` and `!GetAtt` can name them.
import type { PhysicalResources, SandboxModel } from './model';
import { localArn, type PseudoParameters } from './pseudo-parameters';
import { resolveText } from './template-document';

export function functionResources(
  model: SandboxModel,
  pseudo: PseudoParameters,
): PhysicalResources {
  return Object.fromEntries(
    model.functions.map((fn) => {
      const arn = localArn(pseudo, 'lambda', `function:${fn.logicalId}`);
      const alias = aliasNameOf(fn, model, pseudo);
      return [
        fn.logicalId,
        {
          ref: fn.logicalId,
          // SAM's `!Ref Fn.Alias` (and `${Fn.Alias}`): the alias ARN. Locally every
          // qualifier runs the one local version, so AutoPublishAlias and
          // DeploymentPreference change nothing else.
          attributes: { Arn: arn, ...(alias !== undefined && { Alias: `${arn}:${alias}` }) },
        },
      ];
    }),
  );
}

function aliasNameOf(
  fn: SandboxModel['functions'][number],
  model: SandboxModel,
  pseudo: PseudoParameters,
): string | undefined {
  if (fn.properties.AutoPublishAlias === undefined) return undefined;
  const ctx = { parameters: model.parameters, resources: {}, pseudo };
  return resolveText(fn.properties.AutoPublishAlias, ctx, `${fn.logicalId}.AutoPublishAlias`);
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
