import * as esbuild from 'esbuild';

// The sandbox process serves every request of every gateway. Loading the
// functions' Powertools Tracer there brings in the X-Ray SDK, whose
// cls-hooked namespace puts an async hook with destroy tracking on every
// promise of the process: each request paid for it.
async function importsOfSandboxMain(): Promise<{ files: string[]; packages: string[] }> {
  const result = await esbuild.build({
    entryPoints: ['sandbox/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.values(result.metafile.inputs);
  return {
    files: Object.keys(result.metafile.inputs),
    packages: inputs.flatMap((input) =>
      input.imports.filter((entry) => entry.external).map((entry) => entry.path),
    ),
  };
}

describe('what the sandbox process loads', () => {
  it('leaves out the functions’ observability module and the Tracer it would load', async () => {
    const { files, packages } = await importsOfSandboxMain();

    expect(files).not.toContain('layers/domain/src/observability.ts');
    expect(packages).not.toContain('@aws-lambda-powertools/tracer');
    expect(packages).not.toContain('aws-xray-sdk-core');
  });

  it('still includes the API contract it serves', async () => {
    const { files } = await importsOfSandboxMain();

    expect(files).toContain('layers/domain/src/contract/openapi-document.ts');
  });
});
