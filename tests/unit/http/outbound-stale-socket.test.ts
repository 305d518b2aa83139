// A keep-alive socket the server closed while it sat in the pool (issue 17 #6): an idempotent request that fails on it
// before any response byte is sent once more on a fresh socket; a POST is never repeated.
import { Agent, createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendOutbound } from '../../../src/http/outbound.ts';

const LIMITS = { headersTimeoutMs: 1000, deadlineMs: 2000, maxResponseBytes: 1024 };

let server: Server;
let url: string;
const served = new Map<Socket, number>();
let received = 0;
beforeAll(async () => {
  // Answers the first request of each connection (keep-alive), then drops the connection when a second request arrives
  // on it, without a byte: exactly what a client sees when the server closed the idle socket a moment before.
  server = createServer((req, res) => {
    received += 1;
    const n = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, n);
    if (n > 1) return void req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

test('GET on a pooled socket the server dropped: answered from a fresh socket, 10 times out of 10', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const statuses: (number | string)[] = [];
  for (let i = 0; i < 10; i += 1) {
    const result = await sendOutbound({ method: 'GET', url: `${url}/api/customer/balance`, headers: {} }, { ...LIMITS, agent });
    statuses.push(result.ok ? result.value.status : result.error.code);
  }
  agent.destroy();
  expect(statuses).toEqual(Array(10).fill(200));
});

test('POST on such a socket is not repeated: one request reached the server, the failure is reported', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const first = await sendOutbound({ method: 'POST', url: `${url}/api/order/pull-codes`, headers: {}, body: '[]' }, { ...LIMITS, agent });
  expect(first.ok).toBe(true);
  const before = received;
  const second = await sendOutbound({ method: 'POST', url: `${url}/api/order/pull-codes`, headers: {}, body: '[]' }, { ...LIMITS, agent });
  agent.destroy();
  expect(second.ok ? second.value.status : second.error.code).toBe('TARGET_UNREACHABLE');
  expect(received - before).toBe(1);
});

test('a POST the caller marks idempotent (a read-only list) is answered from a fresh socket; one marked false is not repeated', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const list = () => sendOutbound({ method: 'POST', url: `${url}/api/order/list`, headers: {}, body: '{}', idempotent: true }, { ...LIMITS, agent });
  const statuses: (number | string)[] = [];
  for (let i = 0; i < 5; i += 1) {
    const result = await list();
    statuses.push(result.ok ? result.value.status : result.error.code);
  }
  expect(statuses).toEqual(Array(5).fill(200));
  const before = received;
  const get = await sendOutbound({ method: 'GET', url: `${url}/api/customer/balance`, headers: {}, idempotent: false }, { ...LIMITS, agent });
  agent.destroy();
  expect(get.ok ? get.value.status : get.error.code).toBe('TARGET_UNREACHABLE');
  expect(received - before).toBe(1);
});
