import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createResponseValidator } from '../../../mocks/response-validator.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { loadSpec } from '../../../src/spec/spec.ts';
import { ALPHA } from './harness.ts';
import { kitCode } from '../../support/decided.ts';

let server: MockServer;
let url: string;
let port: number;
const validator = createResponseValidator(loadSpec());

beforeAll(async () => {
  server = await createMockServer();
  ({ url, port } = await server.listen(0));
});
afterEach(() => server.store.reset());
afterAll(() => server.close());

/** Send raw bytes and read everything the server answers until it closes or goes quiet. */
function raw(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

const VALID = { 'x-api-key': ALPHA.key, 'accept-language': 'en-US', 'content-type': 'application/json' };

describe('bad input never hurts the twin', () => {
  test('a control byte in a header value is a 400 envelope, not a crash', async () => {
    const answer = await raw(Buffer.from('GET /api/customer/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ab\x01cd\r\n\r\n', 'latin1'));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe(kitCode(400));
    expect((await fetch(`${url}/api/customer/balance`, { headers: VALID })).status).toBe(200);
  });

  test('high-bit bytes in a header are an unknown key: 401 envelope', async () => {
    const answer = await raw(Buffer.from('GET /api/customer/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en-US\r\nx-api-key: \xff\xfe\xfd\r\nConnection: close\r\n\r\n', 'latin1'));
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
  });

  test('a chunked body over 64 KiB is 413 PAYLOAD_TOO_LARGE', async () => {
    const big = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        controller.close();
      },
    });
    const response = await fetch(`${url}/api/order/list`, { method: 'POST', headers: VALID, body: big, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('hundreds of concurrent good and bad requests: only 2xx/4xx envelopes that match the spec', async () => {
    const variants: Array<[string, RequestInit]> = [
      ['/api/customer/balance', { headers: VALID }],
      ['/api/customer/balance', { headers: { 'accept-language': 'en-US' } }],
      ['/api/product/merchant/invited/list', { method: 'POST', headers: VALID, body: '{"page":2,"pageSize":5}' }],
      ['/api/product/merchant/invited/list', { method: 'POST', headers: VALID, body: '{"page":' }],
      ['/api/order/list', { method: 'POST', headers: { ...VALID, 'content-type': 'text/plain' }, body: '{}' }],
      ['/api/order/pull-codes', { method: 'POST', headers: VALID, body: JSON.stringify([{ merchant: ALPHA.merchant, sku: 'APPLE-USA-2USD', quantity: 1 }]) }],
      ['/api/order/pull-codes', { method: 'POST', headers: VALID, body: 'x'.repeat(70_000) }],
      ['/api/order/detail?orderName=A1', { headers: VALID }],
      ['/nothing/here', { headers: VALID }],
      ['/api/%zz', { headers: VALID }],
      ['/api/order/detail?orderName=%zz', { headers: VALID }],
      ['/api/order/list', { method: 'POST', headers: VALID, body: 'null' }],
      ['/api/order/pull-codes', { method: 'POST', headers: VALID, body: '[null]' }],
      ['/api/customer/balance', { method: 'POST', headers: VALID, body: '{}' }],
    ];
    const answers = await Promise.all(
      Array.from({ length: 360 }, async (_, i) => {
        const [path, init] = variants[i % variants.length];
        const response = await fetch(`${url}${path}`, init);
        const body = await response.json();
        return { path, method: init.method ?? 'GET', status: response.status, body };
      }),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const violations = answers.map((a) => validator.validate(a.method, a.path.split('?')[0], a.status, a.body)).filter(Boolean);
    expect(violations).toEqual([]);
  });
});
