// validateResponses: the twin checks its own answers against the spec and logs drift, without changing the answer.
import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer } from '../../../mocks/server.ts';

const HEADERS = { 'x-api-key': DEMO_ACCOUNTS[0].key, 'accept-language': 'en-US', 'content-type': 'application/json' };
const LIST = new Request('http://twin/api/product/merchant/invited/list', { method: 'POST', headers: HEADERS, body: '{"pageSize":100}' });

describe('createMockServer({ validateResponses })', () => {
  test('logs nothing extra while every answer matches the spec', async () => {
    const logs: string[] = [];
    const server = await createMockServer({ validateResponses: true, log: (l) => logs.push(l) });
    expect((await server.fetch(LIST.clone())).status).toBe(200);
    expect(logs.filter((l) => l.includes('RESPONSE_INVALID'))).toEqual([]);
  });

  test('logs a RESPONSE_INVALID line naming the operation and the field when an answer drifts, and never the key', async () => {
    const logs: string[] = [];
    const server = await createMockServer({ validateResponses: true, log: (l) => logs.push(l) });
    // Corrupt one fixture record in this server's own store: price becomes a string.
    Object.assign(server.store.product('GOOGLE-USA-10USD') as object, { price: 'ten' });
    expect((await server.fetch(LIST.clone())).status).toBe(200);
    const invalid = logs.filter((l) => l.includes('RESPONSE_INVALID'));
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatch(/^\[wupex-mock\] RESPONSE_INVALID POST \/api\/product\/merchant\/invited\/list 200: \/data\/\d+\/price must be number/);
    expect(logs.join('\n')).not.toContain(DEMO_ACCOUNTS[0].key);
  });

  test('is off by default: the same drift goes unreported', async () => {
    const logs: string[] = [];
    const server = await createMockServer({ log: (l) => logs.push(l) });
    Object.assign(server.store.product('GOOGLE-USA-10USD') as object, { price: 'ten' });
    await server.fetch(LIST.clone());
    expect(logs.filter((l) => l.includes('RESPONSE_INVALID'))).toEqual([]);
  });
});
