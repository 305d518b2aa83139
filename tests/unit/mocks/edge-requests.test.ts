// Edge requests that independent tools (a fuzz run, Prism's proxy, Dredd) found answered wrongly; each test reproduced its defect first.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BODY_LIMIT } from '../../../mocks/node-adapter.ts';
import { kit, kitCode } from '../../support/decided.ts';
import { ALPHA, line, pinned, REJECT_400, useTwin } from './harness.ts';

// Pinned to the choices these answers exist under (D6: a 400 names the field; #20 and #21: a refusal is 400), so the tests
// keep proving them after `npm run adopt`; decisions-profile.test.ts checks the default twin against the kit's choices.
const ctx = useTwin({
  decisions: pinned({
    messagesNameField: true,
    contentType: { status: 400, code: 'INVALID_PAYLOAD' },
    acceptLanguage: { accepted: [...kit.acceptLanguage.accepted], missing: REJECT_400, unsupported: REJECT_400 },
  }),
});
const MESSAGE_LIMIT = 1024; // ErrorEnvelope error.message maxLength; the harness validates every answer against the spec too.

describe('Content-Type (DECISIONS #21: 400 on POST, ignored on GET)', () => {
  test('a malformed Content-Type on GET is ignored', async () => {
    const answer = await ctx.twin.call('GET', '/api/customer/balance', { headers: { 'content-type': 'foo' } });
    expect(answer.status).toBe(200);
  });

  test('a malformed Content-Type without a key is 401: the key is checked first', async () => {
    for (const [method, path] of [['GET', '/api/customer/balance'], ['POST', '/api/order/list']]) {
      const answer = await ctx.twin.call(method, path, { key: null, raw: method === 'POST' ? '{}' : undefined, headers: { 'content-type': 'foo' } });
      expect(answer.body.error.code).toBe(kitCode(401));
    }
  });

  test('a malformed Content-Type on POST is 400 naming the header', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/list', { raw: '{}', headers: { 'content-type': 'foo' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe("Header 'Content-Type' must be 'application/json' for POST /api/order/list; received 'foo'.");
  });
});

describe('paths', () => {
  test('a percent-encoded unreserved character routes like its plain form', async () => {
    const answer = await ctx.twin.call('GET', '/api/customer/%62alance');
    expect(answer.status).toBe(200);
    expect(answer.body.data.balance).toBeTypeOf('number');
  });

  test('an encoded slash is not a path separator: 404', async () => {
    expect((await ctx.twin.call('GET', '/api/customer%2Fbalance')).status).toBe(404);
  });
});

describe('HEAD', () => {
  test('in-process, a HEAD answer has no body either', async () => {
    const response = await ctx.server.fetch(new Request('http://t/api/customer/balance', { method: 'HEAD', headers: { 'x-api-key': ALPHA.key, 'accept-language': 'en-US' } }));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });
});

describe('referenceId', () => {
  test('an empty referenceId is 400 and places no order (the spec says minLength 1)', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/pull-codes?referenceId=', { body: [line('GOOGLE-USA-10USD', 1)] });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe("Query parameter 'referenceId' must not be empty.");
    const second = await ctx.twin.call('POST', '/api/order/pull-codes?referenceId=', { body: [line('APPLE-USA-2USD', 1)] });
    expect(second.status).toBe(400);
    expect((await ctx.twin.call('GET', '/api/customer/balance')).body.data.balance).toBe(5000);
  });
});

describe('error messages stay within the spec limit when they echo a value', () => {
  const long = 'x'.repeat(3000);
  test.each([
    ['Accept-Language', 'GET', '/api/customer/balance', { 'accept-language': long }],
    ['Content-Type', 'POST', '/api/order/list', { 'content-type': `text/${long}` }],
    ['path', 'GET', `/api/${long}`, {}],
    ['query', 'GET', `/api/order/detail?orderName=${long}`, {}],
  ])('a long %s', async (_what, method, path, headers) => {
    const answer = await ctx.twin.call(method, path, { headers, raw: method === 'POST' ? '{}' : undefined });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.error.message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });
});

describe('over the wire', () => {
  let port: number;
  beforeAll(async () => {
    ({ port } = await ctx.server.listen(0));
  });
  afterAll(() => ctx.server.close());

  /** Send raw bytes; resolve with everything the server wrote until it closed. */
  const raw = (text: string) =>
    new Promise<{ head: string; body: string }>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(Buffer.from(text, 'latin1')));
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('close', () => {
        const all = Buffer.concat(chunks).toString('latin1');
        const at = all.indexOf('\r\n\r\n');
        resolve({ head: all.slice(0, at), body: all.slice(at + 4) });
      });
      socket.on('error', reject);
    });
  const get = (headers: string, body: string) => `GET /api/customer/balance HTTP/1.1\r\nHost: 127.0.0.1\r\naccept-language: en-US\r\n${headers}connection: close\r\ncontent-length: ${body.length}\r\n\r\n${body}`;

  test('a GET body over 64 KiB is ignored, not 413 (GET operations do not document 413)', async () => {
    const answer = await raw(get(`x-api-key: ${ALPHA.key}\r\n`, 'x'.repeat(BODY_LIMIT + 10)));
    expect(answer.head).toMatch(/^HTTP\/1\.1 200 /);
  });

  test('a GET body that is not JSON is ignored', async () => {
    expect((await raw(get(`x-api-key: ${ALPHA.key}\r\n`, 'xyz'))).head).toMatch(/^HTTP\/1\.1 200 /);
  });

  test('a big body without a key is 401: authentication comes before the 413', async () => {
    expect((await raw(get('', 'x'.repeat(BODY_LIMIT + 10)))).head).toMatch(/^HTTP\/1\.1 401 /);
    const post = `POST /api/order/list HTTP/1.1\r\nHost: 127.0.0.1\r\naccept-language: en-US\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: ${BODY_LIMIT + 10}\r\n\r\n${' '.repeat(BODY_LIMIT + 10)}`;
    expect((await raw(post)).head).toMatch(/^HTTP\/1\.1 401 /);
    expect((await raw(post.replace('Host: 127.0.0.1\r\n', `Host: 127.0.0.1\r\nx-api-key: ${ALPHA.key}\r\n`))).head).toMatch(/^HTTP\/1\.1 413 /);
  });

  test('a HEAD with an oversized URL gets a 400 without a body', async () => {
    const answer = await raw(`HEAD /api/customer/balance?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(answer.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.body).toBe('');
  });

  test('a HEAD whose oversized headers arrive in later chunks gets a 400 without a body (issue 17 #21)', async () => {
    // The parser fails on a chunk of header bytes, not on the request line: the method is not in the failing packet.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', async () => {
        socket.write('HEAD /api/customer/balance HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        for (let i = 0; i < 24 && !socket.destroyed; i += 1) {
          await new Promise(setImmediate);
          socket.write(`x-filler-${i}: ${'b'.repeat(1000)}\r\n`);
        }
      });
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe('');
  });

  test('a GET with an oversized URL still gets the 400 envelope', async () => {
    const answer = await raw(`GET /api/customer/balance?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(JSON.parse(answer.body).error.code).toBe(kitCode(400));
  });
});

describe('repeated query parameters (issue 17 #22: Prism and express-openapi-validator flag them; the twin used to keep the first)', () => {
  test.each([
    ['GET', '/api/order/detail?orderName=A1&orderName=A2', 'orderName'],
    ['POST', '/api/order/pull-codes?referenceId=A&referenceId=B', 'referenceId'],
  ])('%s %s is 400 naming the parameter', async (method, path, name) => {
    const answer = await ctx.twin.call(method, path, method === 'POST' ? { body: [{ merchant: 'X', sku: 'GOOGLE-USA-10USD', quantity: 1 }] } : {});
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: kitCode(400), message: `Query parameter '${name}' is given more than once; send it once.` });
  });

  test('an empty referenceId= is 400 too', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/pull-codes?referenceId=', { body: [{ merchant: 'X', sku: 'GOOGLE-USA-10USD', quantity: 1 }] });
    expect(answer.status).toBe(400);
  });
});
