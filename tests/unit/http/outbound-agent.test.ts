// sendOutbound with a caller's keep-alive agent: connections are reused, and one cut short by a limit is never reused.
import { Agent, createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendOutbound } from '../../../src/http/outbound.ts';

const LIMITS = { headersTimeoutMs: 400, deadlineMs: 800, maxResponseBytes: 1024 };

let server: Server;
let url: string;
let opened = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(4096));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true}');
  });
  server.on('connection', () => (opened += 1));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

test('N sequential requests through one keep-alive agent open 1 connection; a body over the cap is cut and its connection not reused', async () => {
  const agent = new Agent({ keepAlive: true });
  const send = (path: string) => sendOutbound({ method: 'GET', url: `${url}${path}`, headers: {} }, { ...LIMITS, agent });
  const before = opened;
  const statuses: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const result = await send('/ok');
    statuses.push(result.ok ? result.value.status : 0);
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200]);
  expect(opened - before).toBe(1);
  const big = await send('/big');
  expect(big.ok ? 'ok' : big.error.code).toBe('RESPONSE_TOO_LARGE');
  const after = await send('/ok');
  expect(after.ok && after.value.status).toBe(200);
  // The cut connection was destroyed, so the next request needed a new one.
  expect(opened - before).toBe(2);
  agent.destroy();
});
