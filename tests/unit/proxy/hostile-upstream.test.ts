// An upstream that stalls, floods or redirects: the app gets a 502/504 vendor-style envelope naming the cause, and the proxy keeps serving.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProxy, type Proxy } from '../../../src/proxy/proxy-server.ts';

const BALANCE = '{"status":true,"data":{"balance":5000,"credit":0,"creditBalance":5000}}';
// Short deadlines and a small cap: nothing here waits on the defaults (10 s / 8 MiB).
const LIMITS = { headersTimeoutMs: 300, deadlineMs: 600, maxResponseBytes: 4096 };

/** Behaviour chosen per request by the `x-hostile` header the test sends (the proxy passes app headers on). */
const servedOn = new Map<unknown, number>();
let reachedUpstream = 0;
function hostile(): Server {
  return createServer((req, res) => {
    const mode = req.headers['x-hostile'];
    reachedUpstream += 1;
    const n = (servedOn.get(req.socket) ?? 0) + 1;
    servedOn.set(req.socket, n);
    // A keep-alive socket the upstream closed while it sat in the proxy's pool: dropped without a byte when reused.
    if (mode === 'drop-reused' && n > 1) return void req.socket.destroy();
    if (mode === 'stall') return; // never answers
    if (mode === 'flood') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"status":true,"data":"${'x'.repeat(64 * 1024)}"}`);
      return;
    }
    if (mode === 'redirect') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    // Header bytes 0xc3 0xa9 0xff 0x80 (latin1 strings are written byte for byte when the body is a Buffer).
    if (mode === 'bytes') return void res.writeHead(200, { 'content-type': 'application/json', 'x-name': 'caf\u00c3\u00a9\u00ff\u0080' }).end(Buffer.from(BALANCE));
    res.writeHead(200, { 'content-type': 'application/json' }).end(BALANCE);
  });
}

let server: Server;
let proxy: Proxy;
let url: string;
beforeAll(async () => {
  server = hostile();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  const built = await createProxy({ upstream: `http://127.0.0.1:${port}`, log: () => undefined, limits: LIMITS });
  if (!built.ok) throw new Error(built.error.message);
  proxy = built.value;
  url = (await proxy.listen(0, '127.0.0.1')).url;
});
afterAll(async () => {
  await proxy.close();
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

const get = async (mode?: string) => {
  const response = await fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US', ...(mode ? { 'x-hostile': mode } : {}) } });
  return { status: response.status, body: (await response.json()) as { status: boolean; error?: { code: string; message: string } } };
};

test.each([
  ['stall', 504, 'UPSTREAM_TIMEOUT'],
  ['flood', 502, 'UPSTREAM_TOO_LARGE'],
  ['redirect', 502, 'UPSTREAM_REDIRECT'],
])('an upstream that answers with a %s gets %i %s, and the next request is served', async (mode, status, code) => {
  const bad = await get(mode);
  expect(bad.status).toBe(status);
  expect(bad.body.status).toBe(false);
  expect(bad.body.error?.code).toBe(code);
  expect(bad.body.error?.message).toMatch(new RegExp(`^\\[wupex-proxy\\] ${code}: `));
  expect(bad.body.error?.message).not.toContain('169.254');
  const good = await get();
  expect(good).toEqual({ status: 200, body: JSON.parse(BALANCE) });
});

test('upstream failures are counted by cause for the summary', () => {
  expect(Object.fromEntries(proxy.stats.failures)).toEqual({ UPSTREAM_TIMEOUT: 1, UPSTREAM_TOO_LARGE: 1, UPSTREAM_REDIRECT: 1 });
});

/** One raw HTTP/1.1 exchange with the proxy: the bytes it sent back. */
function raw(request: string): Promise<Buffer> {
  const { port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', fail);
    socket.on('close', () => done(Buffer.concat(chunks)));
  });
}

const APP_HEADERS = 'Host: 127.0.0.1\r\nx-api-key: wupex-demo-key-alpha\r\naccept-language: en-US\r\nConnection: close\r\n';

test('upstream header bytes reach the app unchanged (0xc3 0xa9 0xff 0x80 not re-encoded as UTF-8) (issue 17 #21)', async () => {
  const answer = await raw(`GET /api/customer/balance HTTP/1.1\r\n${APP_HEADERS}x-hostile: bytes\r\n\r\n`);
  const at = answer.indexOf('x-name: ');
  expect([...answer.subarray(at + 8, at + 15)]).toEqual([0x63, 0x61, 0x66, 0xc3, 0xa9, 0xff, 0x80]);
});

test('a HEAD request gets headers and no body bytes, answered by the upstream or refused by the proxy (issue 17 #21)', async () => {
  for (const request of [`HEAD /api/customer/balance HTTP/1.1\r\n${APP_HEADERS}\r\n`, `HEAD /api/../admin HTTP/1.1\r\n${APP_HEADERS}\r\n`]) {
    const answer = await raw(request);
    const end = answer.indexOf('\r\n\r\n');
    expect(end).toBeGreaterThan(0);
    expect(answer.subarray(end + 4).length, answer.toString('latin1')).toBe(0);
  }
});

test('a stale pooled socket: a read-only POST (listOrders) is sent once more on a fresh socket, pullCodes never (issue 17 #6)', async () => {
  const post = (path: string, body: string) =>
    fetch(`${url}${path}`, { method: 'POST', body, headers: { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US', 'content-type': 'application/json', 'x-hostile': 'drop-reused' } });
  expect((await get()).status).toBe(200); // a socket now sits in the proxy's pool, already used once
  const list = await post('/api/order/list', '{}');
  await list.arrayBuffer();
  expect(list.status).toBe(200);
  expect((await get()).status).toBe(200);
  const before = reachedUpstream;
  const pull = await post('/api/order/pull-codes', '[{"merchant":"X","sku":"S","quantity":1}]');
  expect(((await pull.json()) as { error: { code: string } }).error.code).toBe('UPSTREAM_UNREACHABLE');
  expect(reachedUpstream - before).toBe(1);
});
