import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTemplate } from '../../../sandbox/template/parse';

// `sam build` fails late (or deploys a broken function) when a CodeUri,
// Handler or ContentUri points at nothing; these checks fail early instead.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
// With push on, so that the functions only deployed then are checked too.
const model = parseTemplate(join(root, 'template.yaml'), {
  ApnsCredentialsSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:push/apns-AbCdEf',
  FcmCredentialsSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:push/fcm-AbCdEf',
});

describe('template.yaml as sam build sees it', () => {
  it.each(model.functions.map((fn) => [fn.logicalId, fn] as const))(
    '%s has a CodeUri with a package.json, as the esbuild builder requires',
    (_id, fn) => {
      expect(existsSync(join(fn.codeUri, 'package.json'))).toBe(true);
    },
  );

  it.each(model.functions.map((fn) => [fn.logicalId, fn] as const))(
    '%s names an entry point that exports its Handler',
    (_id, fn) => {
      const [file, exportName] = fn.handler.split('.');
      const entry = (fn.buildProperties.EntryPoints ?? []).find((e) => e.startsWith(`${file}.`));
      expect(entry).toBeDefined();
      const source = readFileSync(join(fn.codeUri, entry as string), 'utf8');
      expect(source).toMatch(new RegExp(`export (const|async function|function) ${exportName}\\b`));
    },
  );

  it.each(model.functions.map((fn) => [fn.logicalId, fn] as const))(
    '%s keeps the domain layer out of its bundle and uses a supported Node runtime',
    (_id, fn) => {
      expect(fn.buildProperties.External).toContain('@mobile-backend/domain');
      expect(fn.runtime).toMatch(/^nodejs(22|24)\.x$/);
      expect(fn.layers).toContain('DomainLayer');
    },
  );

  it('builds every layer with a Makefile target named after the layer', () => {
    expect(model.layers.length).toBeGreaterThan(0);
    for (const layer of model.layers) {
      const makefile = readFileSync(join(layer.contentUri, 'Makefile'), 'utf8');
      expect(makefile).toMatch(new RegExp(`^build-${layer.logicalId}:`, 'm'));
    }
  });

  it('has a sample event for every function, in events/', () => {
    const folders = readdirSync(join(root, 'events'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const fn of model.functions) {
      const folder = fn.codeUri.split('/').at(-1) ?? '';
      expect(folders).toContain(folder);
      expect(readdirSync(join(root, 'events', folder)).length).toBeGreaterThan(0);
    }
  });
});
