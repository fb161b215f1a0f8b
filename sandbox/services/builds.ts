// The same esbuild bundles `sam build` deploys, each built once (or kept from
// the last start when nothing it is built from changed), and with watching on,
// rebuilt when their sources change: the next invocation then starts a fresh environment.
import { buildAll } from '../runtime/build';
import { watchBuilds } from '../runtime/watch';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const { model, directories, functions, log } = context;
  const built = await buildAll(model, directories.build);
  const reused = built.filter((target) => target.reused).length;
  if (reused > 0) log(`[build] ${reused} of ${built.length} builds unchanged since the last start`);
  if (!context.settings.watch) return { stop: async () => undefined };
  const watcher = await watchBuilds({
    functions: model.functions,
    layers: model.layers,
    outDir: directories.build,
    built,
    onRebuilt: (ids) => {
      functions.retire(ids);
      log(`Rebuilt ${ids.join(', ')}: the next invocation starts a fresh environment.`);
    },
    log,
  });
  functions.waitBeforeInvoke(() => watcher.settled());
  return { stop: () => watcher.close() };
}
