// `npm start`: the sandbox (sandbox/main.ts) from its kept bundle, built first
// when anything it is built from changed (sandbox/bundle/kept-bundle.ts). Only
// the check loads through tsx; the sandbox itself runs on plain Node.
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const { keptSandboxBundle } = await tsImport('./bundle/kept-bundle.ts', import.meta.url);

/** The kept bundle; undefined when it cannot be written (a read-only node_modules). */
async function bundleOrNothing() {
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

const bundle = await bundleOrNothing();
if (bundle) await import(pathToFileURL(bundle).href);
else await tsImport('./main.ts', import.meta.url);
