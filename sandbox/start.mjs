// `npm start`: the sandbox (sandbox/main.ts) from its kept bundle, built first
// when anything it is built from changed (sandbox/bundle/kept-bundle.ts). Only
// the check loads through tsx; the sandbox itself runs on plain Node.
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const { keptSandboxBundle } = await tsImport('./bundle/kept-bundle.ts', import.meta.url);
const bundle = await keptSandboxBundle(process.cwd());
await import(pathToFileURL(bundle).href);
