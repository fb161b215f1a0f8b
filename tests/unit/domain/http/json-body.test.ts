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
