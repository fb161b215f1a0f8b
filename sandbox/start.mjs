// `npm start`: the sandbox (sandbox/main.ts) from its kept bundle. The kept
// bundle's own check (bundle/current-bundle.ts, built with it) turns Node's
// compile cache on and says whether the bundle is current; when it is missing
// or says no, the check loads through tsx and builds the bundle
// (sandbox/bundle/kept-bundle.ts). The sandbox itself always runs on plain Node.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const keptCheck = join(
  process.cwd(),
  'node_modules',
  '.cache',
  'mobile-backend-sandbox',
  'current-bundle.mjs',
);

async function keptBundleIfCurrent() {
  try {
    const check = await import(pathToFileURL(keptCheck).href);
    check.keepCompiledModulesOfStart(process.argv.slice(2));
    return await check.currentSandboxBundle(process.cwd());
  } catch {
    // No kept check yet, or one that cannot run: the check under tsx decides.
    return undefined;
  }
}

/** The bundle built now; undefined when it cannot be kept (a read-only node_modules). */
async function builtBundle(tsImport) {
  const { keptSandboxBundle } = await tsImport('./bundle/kept-bundle.ts', import.meta.url);
  try {
    return await keptSandboxBundle(process.cwd());
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error?.code)) throw error;
    console.error(
      `[start] The sandbox's bundle cannot be kept (${error.code} at ${error.path}); ` +
        'running its TypeScript under tsx instead, which starts more slowly.',
    );
    return undefined;
  }
}

async function runSandbox() {
  const kept = await keptBundleIfCurrent();
  if (kept) return import(pathToFileURL(kept).href);
  const { tsImport } = await import('tsx/esm/api');
  const built = await builtBundle(tsImport);
  return built ? import(pathToFileURL(built).href) : tsImport('./main.ts', import.meta.url);
}

await runSandbox();
