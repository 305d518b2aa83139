import { describe, expect, test } from 'vitest';
import { createMockServer } from '../../../mocks/server.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import { createHarness } from './harness.ts';

const DISTINCTIVE = 'zz-log-canary-7f3a9c1e5b';

describe('request log', () => {
  test('never contains the key, wherever the caller puts it; shows its fingerprint instead', async () => {
    const lines: string[] = [];
    const server = await createMockServer({ accounts: [{ key: DISTINCTIVE, merchantCode: 'CANARY' }], log: (l) => lines.push(l) });
    const twin = createHarness(server);
    await twin.call('GET', '/api/customer/balance', { key: DISTINCTIVE });
    await twin.call('GET', `/api/customer/balance?x-api-key=${DISTINCTIVE}`, { key: null });
    await twin.call('GET', `/api/${DISTINCTIVE}`, { key: DISTINCTIVE });
    await twin.call('POST', '/api/order/pull-codes', { key: DISTINCTIVE, body: [{ merchant: DISTINCTIVE, sku: 'GOOGLE-USA-10USD', quantity: 1 }] });
    await twin.call('GET', '/api/customer/balance', { key: `${DISTINCTIVE}-unknown` });
    const all = lines.join('\n');
    expect(lines).toHaveLength(5);
    expect(all).toContain(fingerprint(DISTINCTIVE));
    expect(all).not.toContain('zz-log-canary');
    const state = await (await server.fetch(new Request('http://t/__mock/state'))).text();
    expect(state).not.toContain('zz-log-canary');
  });
});
