import { readFileSync } from 'node:fs';
import { call } from './support/http';
import { sandboxOutputs } from './support/outputs';
import { newUser, type TestUser } from './support/users';

interface Document {
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
}

const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as Document;
const METHODS = ['get', 'post', 'patch', 'delete'];

let user: TestUser;

beforeAll(async () => {
  user = await newUser();
});

describe('the API documentation the sandbox serves', () => {
  it('serves the document with the local REST API as its server', async () => {
    const { OpenApiUrl, ApiUrl } = sandboxOutputs();

    const response = await fetch(String(OpenApiUrl));
    const served = (await response.json()) as Document;

    expect(response.headers.get('content-type')).toBe('application/json');
    expect(served.servers).toEqual([{ url: ApiUrl, description: 'This API' }]);
    expect(served.paths).toEqual(committed.paths);
  });

  it('serves the API reference page and its scripts from this machine, nothing from a CDN', async () => {
    const { ApiReferenceUrl } = sandboxOutputs();

    const page = await (await fetch(String(ApiReferenceUrl))).text();
    const script = await fetch(new URL('swagger-ui-bundle.js', String(ApiReferenceUrl)));

    expect(page).toContain('<script src="swagger-ui-bundle.js"></script>');
    expect(page).toContain("url: '/openapi.json'");
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript');
  });
});

// The guest paths take SigV4 on GET only: API Gateway answers another method
// there as a missing authentication token, which the template maps to 404
// (docs/api.md, Guests).
const isGuestPath = (template: string) => template.startsWith('/v1/public/');

describe('the methods of every documented path', () => {
  it.each(Object.keys(committed.paths).filter((template) => !isGuestPath(template)))(
    '%s allows exactly the methods the document lists',
    async (template) => {
      const documented = METHODS.filter((method) => method in (committed.paths[template] ?? {}));
      const path = template.replace(/\{[^}]+\}/g, '01JH8Y3W6D9Q1VJ7ZK2C4B5N6M');

      const reply = await call('PUT', path, { token: user.idToken, body: {} });

      expect(reply.status).toBe(405);
      expect(
        (reply.headers.get('allow') ?? '')
          .split(',')
          .map((method) => method.trim().toLowerCase())
          .sort(),
      ).toEqual(documented.sort());
    },
  );
});

describe('the guest paths', () => {
  it.each(Object.keys(committed.paths).filter(isGuestPath))(
    '%s answers another method as an unknown route, 404',
    async (template) => {
      const path = template.replace(/\{[^}]+\}/g, '01JH8Y3W6D9Q1VJ7ZK2C4B5N6M');

      const reply = await call('PUT', path, { token: user.idToken, body: {} });

      expect(reply.status).toBe(404);
    },
  );
});
