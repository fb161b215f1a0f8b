import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseTemplate } from '../../../../sandbox/template/parse';
import { openApiDocument } from '../../../../layers/domain/src/contract/openapi-document';
import { OPENAPI_JSON_PATH, renderOpenApiJson } from '../../../../scripts/openapi-json';

function templateRestPaths(): string[] {
  const paths = parseTemplate('template.yaml').functions.flatMap((fn) =>
    fn.apiEvents.map((event) => event.path),
  );
  return [...new Set(paths)].sort();
}

describe('the OpenAPI document', () => {
  it('is committed as npm run openapi writes it', async () => {
    const expected = await renderOpenApiJson();

    const committed = readFileSync(OPENAPI_JSON_PATH, 'utf8');

    expect(committed === expected ? 'fresh' : 'stale: run npm run openapi').toBe('fresh');
  });

  it("has every REST path of the template, and only the template's", () => {
    const documented = Object.keys(openApiDocument().paths ?? {}).sort();

    expect(documented).toEqual(templateRestPaths());
  });

  it('is OpenAPI 3.1 with the Cognito bearer scheme required on every operation', () => {
    const document = openApiDocument();

    const operations = Object.values(document.paths ?? {}).flatMap((item) =>
      Object.values(item ?? {}).filter(
        (value) => typeof value === 'object' && 'responses' in value,
      ),
    );

    expect(document.openapi).toBe('3.1.0');
    expect(document.components?.securitySchemes?.CognitoIdToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.security).toEqual([{ CognitoIdToken: [] }]);
    expect(operations.length).toBeGreaterThanOrEqual(18);
  });

  it('compiles every component schema as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false });
    const document = openApiDocument();
    ajv.addSchema({ $id: 'openapi.json', ...document });

    const names = Object.keys(document.components?.schemas ?? {});
    const uncompiled = names.filter((name) => {
      try {
        ajv.getSchema(`openapi.json#/components/schemas/${name}`);
        return false;
      } catch {
        return true;
      }
    });

    expect(names).toEqual(expect.arrayContaining(['Item', 'Problem', 'ServerFrame']));
    expect(uncompiled).toEqual([]);
  });
});
