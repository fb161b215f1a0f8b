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

async function builtBundle() {
  const { tsImport } = await import('tsx/esm/api');
  const { keptSandboxBundle } = await tsImport('./bundle/kept-bundle.ts', import.meta.url);
  return keptSandboxBundle(process.cwd());
}

const bundle = (await keptBundleIfCurrent()) ?? (await builtBundle());
await import(pathToFileURL(bundle).href);
