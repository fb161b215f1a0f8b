import { preflightReply } from '../../../../sandbox/rest-gateway/cors';
import { restApi } from './api-fixture';

describe('CORS preflight', () => {
  it('answers 200 with the API Cors settings, unquoted', () => {
    const cors = restApi().cors;
    if (!cors) throw new Error('fixture API has no Cors');

    const reply = preflightReply(cors);

    expect(reply).toEqual({
      statusCode: 200,
      headers: {
        'Content-Type': 'application/json',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET,POST,PATCH,DELETE,OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization,Content-Type,Idempotency-Key,If-Match',
        'Access-Control-Max-Age': '600',
      },
      body: Buffer.alloc(0),
    });
  });

  it('leaves out Max-Age when the API sets none', () => {
    const reply = preflightReply({
      allowOrigin: "'https://app.example.com'",
      allowHeaders: "'*'",
      allowMethods: "'GET'",
    });

    expect(reply.headers['Access-Control-Max-Age']).toBeUndefined();
    expect(reply.headers['Access-Control-Allow-Origin']).toBe('https://app.example.com');
  });

  it('allows credentials only when the API says so', () => {
    const base = {
      allowOrigin: "'https://app.example.com'",
      allowHeaders: "'*'",
      allowMethods: "'GET'",
    };

    const without = preflightReply(base);
    const withCredentials = preflightReply({ ...base, allowCredentials: true });

    expect(without.headers['Access-Control-Allow-Credentials']).toBeUndefined();
    expect(withCredentials.headers['Access-Control-Allow-Credentials']).toBe('true');
  });
});
