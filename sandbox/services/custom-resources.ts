// The template's custom resources, created as CloudFormation creates them
// before what refers to them (sandbox/custom-resources): the functions behind
// their ServiceTokens are hosted first, each resource gets a real Create event,
// and the replies' physical ids and Data become what `!Ref` and `!GetAtt`
// give the functions hosted after this row. With a data directory, a result
// that still holds is kept from the last start (custom-resources/kept-results.ts):
// its function changes only secrets and the state the rows above keep (keptStates).
import { join } from 'node:path';
import { keptPolicyReach, keptResults } from '../custom-resources/kept-results';
import {
  runCustomResources,
  serviceTokenFunctionOf,
  serviceTokenFunctions,
} from '../custom-resources/run-custom-resources';
import { recordedBuildDigest } from '../runtime/build-record';
import { resolveValue } from '../template/resolve';
import type { SandboxContext, StartedService } from './contract';
import { orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const { model, functions } = context;
  const backing = serviceTokenFunctions(model, context.resolve);
  const hosts = model.functions
    .filter((fn) => backing.has(fn.logicalId) && !functions.hosted.has(fn.logicalId))
    .map((fn) => functions.host(fn));
  const stop = async () => void (await Promise.all(hosts.map((host) => host.close())));
  const resources = await orStop(stop, () =>
    runCustomResources({
      model,
      ctx: context.resolve,
      hosts: functions.hosted,
      kept: keptFromLastStart(context),
      log: context.log,
    }),
  );
  return { resources, stop };
}

function keptFromLastStart({ directories, model, resolve, secrets, keptStates }: SandboxContext) {
  if (!directories.persistentData) return undefined;
  const byId = new Map(model.resources.map((resource) => [resource.logicalId, resource]));
  const functionOf = (logicalId: string) => {
    const resource = byId.get(logicalId);
    return resource && byId.get(serviceTokenFunctionOf(resource, resolve) ?? '');
  };
  const builds = new Map<string, string | undefined>();
  const buildOf = (logicalId: string) => {
    if (!builds.has(logicalId))
      builds.set(logicalId, recordedBuildDigest(directories.build, logicalId));
    return builds.get(logicalId) ?? null;
  };
  return keptResults({
    file: join(directories.persistentData, 'custom-resources.json'),
    reachOf(logicalId) {
      const fn = functionOf(logicalId);
      // With a Role of its own, SAM ignores the function's Policies: they say nothing.
      if (!fn || fn.properties.Role !== undefined) return undefined;
      try {
        const policies = resolveValue(fn.properties.Policies, resolve, fn.logicalId);
        return keptPolicyReach(policies, keptStates);
      } catch {
        // Policies that do not resolve locally say nothing about what the function may change.
        return undefined;
      }
    },
    secretValue: (idOrArn) => secrets.lookup(idOrArn),
    stateOf: (service) => keptStates[service]?.id,
    // A kept result never outlives a change to its function's code or to a layer it imports.
    codeOf(logicalId) {
      const fn = functionOf(logicalId);
      const spec = model.functions.find((candidate) => candidate.logicalId === fn?.logicalId);
      const built = spec ? [spec.logicalId, ...spec.layers] : [];
      return JSON.stringify([fn?.properties ?? null, built.map(buildOf)]);
    },
  });
}
