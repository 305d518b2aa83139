// https:// to a server that speaks plain http (the twin): the error says TLS failed and that the server speaks http.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { sendOutbound } from '../../../src/http/outbound.ts';

test('https to a plain-http loopback server: "TLS handshake failed", "speaks plain http", the http URL to use', async () => {
  const server = createServer((_q, r) => r.end('{}'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  try {
    const result = await sendOutbound({ method: 'GET', url: `https://127.0.0.1:${port}/api/customer/balance`, headers: {} }, { headersTimeoutMs: 2000, deadlineMs: 3000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(new RegExp(`^TLS handshake with 127\\.0\\.0\\.1:${port} failed \\(`));
    expect(result.error.hint).toBe(`The server at 127.0.0.1:${port} speaks plain http, not TLS: use http://127.0.0.1:${port}.`);
    expect(result.error.hint).not.toContain('Nothing usable');
  } finally {
    server.close();
  }
});
