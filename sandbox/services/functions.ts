// Every function of the template not hosted yet, each in its own execution
// environments (sandbox/runtime), its environment resolved now that every
// service it may call is up.
import type { FunctionHost } from '../runtime/function-host';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const registry = context.functions;
  const hosts: FunctionHost[] = [];
  try {
    for (const fn of context.model.functions) {
      if (!registry.hosted.has(fn.logicalId)) hosts.push(registry.host(fn));
    }
  } catch (error) {
    await Promise.all(hosts.map((host) => host.close()));
    throw error;
  }
  return { stop: async () => void (await Promise.all(hosts.map((host) => host.close()))) };
}
