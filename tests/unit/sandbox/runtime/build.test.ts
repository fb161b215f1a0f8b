import { functionBuildOptions, handlerModuleName } from '../../../../sandbox/runtime/build';
import type { FunctionSpec } from '../../../../sandbox/template/model';

function dataApiFunction(buildProperties: FunctionSpec['buildProperties']): FunctionSpec {
  return {
    logicalId: 'DataApiFunction',
    codeUri: '/repo/functions/data-api',
    handler: 'handler.handler',
    properties: {},
    runtime: 'nodejs24.x',
    timeoutSeconds: 10,
    memorySizeMb: 512,
    environment: {},
    layers: ['DomainLayer'],
    buildProperties,
    apiEvents: [],
  };
}

describe('function build options', () => {
  it("uses the template's BuildProperties as SAM's esbuild builder does", () => {
    const fn = dataApiFunction({
      Format: 'esm',
      Platform: 'node',
      Target: 'es2023',
      OutExtension: ['.js=.mjs'],
      EntryPoints: ['handler.ts'],
      External: ['@mobile-backend/domain'],
      Sourcemap: true,
      Minify: false,
      Banner: ['js=// banner'],
    });

    const options = functionBuildOptions(fn, '/out');

    expect(options).toMatchObject({
      absWorkingDir: '/repo/functions/data-api',
      entryPoints: ['/repo/functions/data-api/handler.ts'],
      outdir: '/out/DataApiFunction',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'es2023',
      outExtension: { '.js': '.mjs' },
      external: ['@mobile-backend/domain'],
      sourcemap: true,
      minify: false,
      banner: { js: '// banner' },
    });
  });

  it("falls back to esbuild builder defaults and the Handler's file", () => {
    const options = functionBuildOptions(dataApiFunction({}), '/out');

    expect(options).toMatchObject({
      entryPoints: ['/repo/functions/data-api/handler.ts'],
      format: 'cjs',
      target: 'es2020',
      external: [],
      minify: false,
    });
    expect(options.outExtension).toBeUndefined();
  });

  it('rejects a BuildProperties pair without "="', () => {
    const build = () => functionBuildOptions(dataApiFunction({ OutExtension: ['.mjs'] }), '/out');

    expect(build).toThrow('Expected "key=value" in BuildProperties, got ".mjs"');
  });
});

describe('handler names', () => {
  it('splits the module from the export at the first dot of the file name', () => {
    expect(handlerModuleName('src/app.v2/handler.main.run')).toEqual({
      module: 'src/app.v2/handler',
      exportPath: 'main.run',
    });
  });

  it('refuses a handler without an export', () => {
    expect(() => handlerModuleName('handler')).toThrow(
      'Handler "handler" is not of the form file.export',
    );
  });
});
