// The proxy forwards only origin-form targets under its upstream's base path (issue 17 #4): crafted request lines never carry the key elsewhere.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProxy, type Proxy } from '../../../src/proxy/proxy-server.ts';
import { refuseTarget, upstreamUrl } from '../../../src/proxy/request-target.ts';

const seen: string[] = [];
let upstream: Server;
let proxy: Proxy;
let port: number;
beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"data":{"balance":1,"credit":0,"creditBalance":1}}');
  });
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  const built = await createProxy({ upstream: `http://127.0.0.1:${(upstream.address() as { port: number }).port}/base`, log: () => undefined });
  if (!built.ok) throw new Error(built.error.message);
  proxy = built.value;
  port = (await proxy.listen(0, '127.0.0.1')).port;
});
afterAll(async () => {
  await proxy.close();
  upstream.closeAllConnections();
  await new Promise<void>((done) => upstream.close(() => done()));
});

/** One raw request line through the proxy; the status line's code. */
function raw(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: app-key-123456789\r\naccept-language: en-US\r\nconnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('request targets', () => {
  test.each(['pany://x/api/customer/balance', 'http://evil.example/api/customer/balance', '//evil.example/api/customer/balance', '/../admin', '/%2e%2E/admin', '/api/%2E/../x', '/api/%2fadmin', '*'])(
    '%s is refused with 400 and nothing reaches the upstream',
    async (target) => {
      const before = seen.length;
      expect(await raw(target)).toBe(400);
      expect(seen.length).toBe(before);
    },
  );

  test('an origin-form target is forwarded under the base path', async () => {
    expect(await raw('/api/customer/balance?x=1')).toBe(200);
    expect(seen.at(-1)).toBe('/base/api/customer/balance?x=1');
  });

  test('upstreamUrl resolves against the origin and keeps the base path', () => {
    expect(upstreamUrl('https://sandbox-service.wupex.com', '/api/customer/balance')).toBe('https://sandbox-service.wupex.com/api/customer/balance');
    expect(upstreamUrl('http://127.0.0.1:9/base/', '/api/x?y=1')).toBe('http://127.0.0.1:9/base/api/x?y=1');
    expect(refuseTarget('/api/customer/balance?q=..')).toBeUndefined();
  });
});
