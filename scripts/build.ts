// `npm run build`: every function and layer of template.yaml built as
// `sam build` lays them out, with the sandbox's own build code, so that CI
// catches bundling mistakes before a deploy does.
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildFunction, buildLayer, describeBuildFailure } from '../sandbox/runtime/build';
import { parseTemplate } from '../sandbox/template/parse';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist');

async function main(): Promise<void> {
  const model = parseTemplate(join(root, 'template.yaml'));
  await rm(outDir, { recursive: true, force: true });
  for (const layer of model.layers) {
    await buildLayer(layer, outDir);
    console.log(`built layer ${layer.logicalId}`);
  }
  for (const fn of model.functions) {
    await buildFunction(fn, outDir);
    console.log(`built function ${fn.logicalId}`);
  }
  console.log(`output in ${outDir}`);
}

main().catch(async (error: unknown) => {
  console.error(`build failed:\n${await describeBuildFailure(error)}`);
  process.exitCode = 1;
});
