import {
  BadRequestError,
  PayloadTooLargeError,
  readJsonBody,
  UnsupportedMediaTypeError,
} from '@mobile-backend/domain/http';

function post(body: string, contentType?: string): Request {
  return new Request('https://api.example/v1/items', {
    method: 'POST',
    body,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
  });
}

describe('reading a JSON body', () => {
  it('parses an application/json body', async () => {
    await expect(readJsonBody(post('{"title":"a"}', 'application/json'))).resolves.toEqual({
      title: 'a',
    });
  });

  it.each([
    ['application/json; charset=utf-8'],
    ['Application/JSON; charset="UTF-8"'],
    ['application/merge-patch+json'],
  ])('accepts the content type %j', async (contentType) => {
    await expect(readJsonBody(post('{}', contentType))).resolves.toEqual({});
  });

  it.each([
    ['text/plain'],
    ['application/x-www-form-urlencoded'],
    ['application/json; charset=latin1'],
    ['application/jsonx'],
  ])('refuses the content type %j with 415', async (contentType) => {
    await expect(readJsonBody(post('{}', contentType))).rejects.toBeInstanceOf(
      UnsupportedMediaTypeError,
    );
  });

  it('refuses a body without a content type with 415', async () => {
    await expect(readJsonBody(post('{}'))).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
  });

  it('refuses malformed JSON with 400', async () => {
    await expect(readJsonBody(post('{"title":', 'application/json'))).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('refuses an empty body with 400', async () => {
    await expect(readJsonBody(post('', 'application/json'))).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('refuses a body with no Content-Type header at all with 415', async () => {
    const request = post('{}');
    request.headers.delete('content-type');

    await expect(readJsonBody(request)).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
  });

  it('refuses a body of only whitespace with 400, as missing', async () => {
    await expect(readJsonBody(post(' \n ', 'application/json'))).rejects.toThrow(
      'A JSON request body is required.',
    );
  });

  it('refuses malformed JSON with a 400 that says so', async () => {
    await expect(readJsonBody(post('{"title":', 'application/json'))).rejects.toThrow(
      'The request body is not valid JSON.',
    );
  });

  it('refuses values no store can keep with 422, listing them', async () => {
    const reply = readJsonBody(post('{"n":1e400,"t":"\\uFFFF"}', 'application/json'));

    await expect(reply).rejects.toMatchObject({
      status: 422,
      errors: expect.arrayContaining([
        expect.objectContaining({ path: 'n' }),
        expect.objectContaining({ path: 't' }),
      ]),
    });
  });

  it('accepts a JSON content type with other parameters than charset', async () => {
    await expect(readJsonBody(post('{}', 'application/json; profile=item'))).resolves.toEqual({});
  });

  it('refuses a content type that only ends in json', async () => {
    await expect(readJsonBody(post('{}', 'text/json'))).rejects.toBeInstanceOf(
      UnsupportedMediaTypeError,
    );
  });

  it('refuses another media type with json in its parameters', async () => {
    await expect(
      readJsonBody(post('{}', 'text/plain; type=application/json')),
    ).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
  });

  it('refuses a type that only starts like application/json', async () => {
    await expect(readJsonBody(post('{}', 'xapplication/json'))).rejects.toBeInstanceOf(
      UnsupportedMediaTypeError,
    );
  });

  it('says which type and charset it accepts when it refuses one', async () => {
    await expect(readJsonBody(post('{}', 'text/plain'))).rejects.toThrow(
      'The request body must be application/json (UTF-8).',
    );
  });

  it('says the limit when it refuses a body too large', async () => {
    await expect(readJsonBody(post('{"x":1}', 'application/json'), 4)).rejects.toThrow(
      'The request body must not exceed 4 bytes.',
    );
  });

  it('refuses a body above the limit with 413 before parsing it', async () => {
    const tooBig = `{"x":"${'a'.repeat(100)}"`; // malformed too: size wins

    await expect(readJsonBody(post(tooBig, 'application/json'), 100)).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
  });

  it('measures the limit in bytes, not characters', async () => {
    const body = JSON.stringify({ x: 'é'.repeat(40) }); // 48 characters, 88 bytes

    await expect(readJsonBody(post(body, 'application/json'), 60)).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
  });

  it('accepts a body of exactly 64 KiB by default', async () => {
    const body = JSON.stringify({ x: 'a'.repeat(64 * 1024 - 8) });

    expect(Buffer.byteLength(body)).toBe(64 * 1024);
    await expect(readJsonBody(post(body, 'application/json'))).resolves.toBeDefined();
  });
});
