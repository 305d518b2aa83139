// DNS rebinding (issue 17 #18): the twin's listener answers only requests whose Host names it; a rebound DNS name is refused.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostAllowed } from '../../../mocks/node-adapter.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';

let server: MockServer;
let port: number;
beforeAll(async () => {
  server = await createMockServer({ seed: 1 });
  port = (await server.listen(0)).port;
});
afterAll(() => server.close());

/** GET a path on the twin with the given Host header (node:http sets no other). */
function get(path: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, 'x-api-key': DEMO_ACCOUNTS[0]!.key, 'accept-language': 'en-US' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host check', () => {
  test('a rebound DNS name reads neither the admin state nor the API; loopback names do', async () => {
    const rebound = await get('/__mock/state', `attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.text)).toEqual({ status: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('[wupex-mock] HOST_REFUSED') } });
    expect((await get('/api/customer/balance', `attacker.example:${port}`)).status).toBe(403);
    expect((await get('/api/customer/balance', `localhost:${port}`)).status).toBe(200);
    expect((await get('/api/customer/balance', `127.0.0.1:${port}`)).status).toBe(200);
  });

  test.each([
    ['localhost:4010', '127.0.0.1', true],
    ['[::1]:4010', '127.0.0.1', true],
    ['127.0.0.2', '127.0.0.1', true],
    ['192.168.1.5:4010', '192.168.1.5', true],
    ['192.168.1.5:4010', '0.0.0.0', true],
    ['evil.example', '0.0.0.0', false],
    ['localhost.evil.example', '127.0.0.1', false],
    ['192.168.1.6', '192.168.1.5', false],
  ])('Host %s on a twin bound to %s: allowed %s', (host, bound, allowed) => {
    expect(hostAllowed(host, bound)).toBe(allowed);
  });
});
