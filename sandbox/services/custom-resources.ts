// The template's custom resources, created as CloudFormation creates them
// before what refers to them (sandbox/custom-resources): the functions behind
// their ServiceTokens are hosted first, each resource gets a real Create event,
// and the replies' physical ids and Data become what `!Ref` and `!GetAtt`
// give the functions hosted after this row.
import {
  runCustomResources,
  serviceTokenFunctions,
} from '../custom-resources/run-custom-resources';
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
    runCustomResources({ model, ctx: context.resolve, hosts: functions.hosted, log: context.log }),
  );
  return { resources, stop };
}
