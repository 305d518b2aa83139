// The proxy forwards through its own keep-alive pool: one upstream connection serves many requests, and close() ends it.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProxy, type Proxy } from '../../../src/proxy/proxy-server.ts';

const BALANCE = '{"status":true,"data":{"balance":5000,"credit":0,"creditBalance":5000}}';
const LIMITS = { headersTimeoutMs: 300, deadlineMs: 600, maxResponseBytes: 4096 };

let upstream: Server;
let proxy: Proxy;
let url: string;
let opened = 0;
let open = 0;
beforeAll(async () => {
  upstream = createServer((req, res) => {
    if (req.headers['x-hostile'] === 'stall') return;
    res.writeHead(200, { 'content-type': 'application/json' }).end(BALANCE);
  });
  upstream.on('connection', (socket) => {
    opened += 1;
    open += 1;
    socket.once('close', () => (open -= 1));
  });
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  const built = await createProxy({ upstream: `http://127.0.0.1:${(upstream.address() as { port: number }).port}`, log: () => undefined, limits: LIMITS });
  if (!built.ok) throw new Error(built.error.message);
  proxy = built.value;
  url = (await proxy.listen(0, '127.0.0.1')).url;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((done) => upstream.close(() => done()));
});

const get = async (mode?: string) => {
  const response = await fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US', ...(mode ? { 'x-hostile': mode } : {}) } });
  await response.arrayBuffer();
  return response.status;
};

test('N sequential requests reach the upstream over 1 connection; a timed-out one is dropped, not reused; close() ends the pool', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) statuses.push(await get());
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  expect(opened).toBe(1);
  expect(await get('stall')).toBe(504);
  expect(await get()).toBe(200);
  expect(opened).toBe(2);
  const closed = await proxy.close();
  expect(closed.ok).toBe(true);
  // The pool's sockets are destroyed on close: the upstream sees them end (bounded wait, no timing assertion).
  for (let i = 0; i < 100 && open > 0; i += 1) await new Promise((done) => setTimeout(done, 20));
  expect(open).toBe(0);
});
