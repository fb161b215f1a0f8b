// The same esbuild bundles `sam build` deploys, and with watching on, rebuilt
// when their sources change: the next invocation then starts a fresh environment.
import { buildAll } from '../runtime/build';
import { watchBuilds } from '../runtime/watch';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const { model, directories, functions, log } = context;
  await buildAll(model, directories.build);
  if (!context.settings.watch) return { stop: async () => undefined };
  const watcher = await watchBuilds({
    functions: model.functions,
    layers: model.layers,
    outDir: directories.build,
    onRebuilt: (ids) => {
      functions.retire(ids);
      log(`Rebuilt ${ids.join(', ')}: the next invocation starts a fresh environment.`);
    },
    log,
  });
  functions.waitBeforeInvoke(() => watcher.settled());
  return { stop: () => watcher.close() };
}
