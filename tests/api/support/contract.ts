// Every reply of the REST API checked against docs/openapi.json: its status
// must be documented for the operation, the required headers present and
// valid, and the body valid against the documented schema of its media type.
// Replies of paths or methods the document lacks must be the 404 or 405
// problems the document promises for them.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const DOCUMENT_ID = 'openapi.json';

interface HeaderObject {
  required?: boolean;
  schema?: object;
  $ref?: string;
}

interface ResponseObject {
  headers?: Record<string, HeaderObject>;
  content?: Record<string, unknown>;
}

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components: { headers: Record<string, HeaderObject> };
}

const document = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as OpenApi;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ ...document, $id: DOCUMENT_ID });
const validators = new Map<string, ValidateFunction>();

export interface CheckedReply {
  status: number;
  headers: Headers;
  text: string;
}

/** The schema at these segments of the document (JSON Pointer), compiled once. */
function validatorAt(segments: readonly string[]): ValidateFunction {
  const pointer = segments
    .map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

/** The document's path template that a concrete path (no stage, no query) falls under. */
function templateOf(path: string): string | undefined {
  return Object.keys(document.paths).find((template) => {
    const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** The documented response of a status: exact, then its range (`4XX`), then `default`. */
function responseKeyFor(responses: Record<string, unknown>, status: number): string | undefined {
  return [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
}

function headerProblems(response: ResponseObject, headers: Headers): string[] {
  return Object.entries(response.headers ?? {}).flatMap(([name, declared]) => {
    const header = declared.$ref
      ? document.components.headers[declared.$ref.split('/').pop() ?? '']
      : declared;
    const value = headers.get(name);
    if (value === null) return header?.required ? [`header ${name} is missing`] : [];
    return header?.schema && !ajv.validate(header.schema, value)
      ? [`header ${name}: ${ajv.errorsText()}`]
      : [];
  });
}

/** `schemaAt`: where the schema of a media type of this response is in the document. */
function bodyProblems(
  response: ResponseObject,
  reply: CheckedReply,
  schemaAt: (contentType: string) => string[],
): string[] {
  const contentType = (reply.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const content = response.content ?? {};
  if (Object.keys(content).length === 0) {
    return reply.text === ''
      ? []
      : [`a body where none is documented: ${reply.text.slice(0, 200)}`];
  }
  if (!(contentType in content)) {
    return [
      `Content-Type ${contentType || '(none)'}, documented: ${Object.keys(content).join(', ')}`,
    ];
  }
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return [`a body that is not JSON: ${reply.text.slice(0, 200)}`];
  }
  const validate = validatorAt(schemaAt(contentType));
  return validate(body) ? [] : [`body: ${ajv.errorsText(validate.errors)}`];
}

/**
 * A method the path lacks is a 405 with `Allow`, a path the document lacks a
 * 404 (either may also be the 404 of a path id that names nothing): problems.
 */
function undocumentedOperationProblems(pathKnown: boolean, reply: CheckedReply): string[] {
  const expected = pathKnown ? 405 : 404;
  if (reply.status !== expected && reply.status !== 404) {
    return [`status ${reply.status} for an operation the document lacks (expected ${expected})`];
  }
  const problem = { content: { 'application/problem+json': {} } };
  const problems = bodyProblems(problem, reply, () => ['components', 'schemas', 'Problem']);
  return reply.status === 405 && !reply.headers.get('allow')
    ? [...problems, 'a 405 without an Allow header']
    : problems;
}

/** What is wrong with a reply to `method path` (path after the stage, query allowed); empty when nothing. */
export function contractProblems(method: string, path: string, reply: CheckedReply): string[] {
  const template = templateOf(path.split('?')[0] ?? '');
  const operation = template && document.paths[template]?.[method.toLowerCase()];
  if (!operation) {
    // CORS preflights are the gateway's, outside the document.
    return method === 'OPTIONS' ? [] : undocumentedOperationProblems(template !== undefined, reply);
  }
  const key = responseKeyFor(operation.responses, reply.status);
  if (!key) return [`status ${reply.status} is not documented`];
  const response = operation.responses[key] as ResponseObject;
  const at = ['paths', template, method.toLowerCase(), 'responses', key];
  return [
    ...headerProblems(response, reply.headers),
    ...bodyProblems(response, reply, (type) => [...at, 'content', type, 'schema']),
  ];
}

/** Throws when the reply breaks the document, naming the operation and what is wrong. */
export function assertMatchesContract(method: string, path: string, reply: CheckedReply): void {
  const problems = contractProblems(method, path, reply);
  if (problems.length > 0) {
    throw new Error(
      `${method} ${path} → ${reply.status} breaks docs/openapi.json:\n- ${problems.join('\n- ')}`,
    );
  }
}

/** What is wrong with a frame the WebSocket API sent; empty when it is a `ServerFrame`. */
export function serverFrameProblems(frame: unknown): string[] {
  const validate = validatorAt(['components', 'schemas', 'ServerFrame']);
  return validate(frame)
    ? []
    : [`frame ${JSON.stringify(frame)}: ${ajv.errorsText(validate.errors)}`];
}
