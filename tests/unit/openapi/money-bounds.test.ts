// Money stays finite and in spec (issue 17 #17, DECISIONS #3): every amount in the spec has a maximum, and the largest
// state the twin's admin routes accept (balance and credit at their cap) is still answered within it.
import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer } from '../../../mocks/server.ts';
import { createSpecIndex, responseSchema } from '../../../src/contract/checks/lib/spec-index.ts';
import { loadSpec } from '../../../src/spec/spec.ts';

type Node = { type?: string; maximum?: number; properties?: Record<string, Node> };

describe('money bounds', () => {
  const spec = loadSpec();
  test('every number property of every schema has a maximum', () => {
    const missing = Object.entries(spec.components?.schemas ?? {}).flatMap(([name, schema]) =>
      Object.entries((schema as Node).properties ?? {}).filter(([, p]) => p.type === 'number' && typeof p.maximum !== 'number').map(([prop]) => `${name}.${prop}`));
    expect(missing).toEqual([]);
  });

  test('a balance and a credit at the admin cap are answered as finite numbers the spec accepts', async () => {
    const twin = await createMockServer();
    const admin = await twin.fetch(new Request(`http://127.0.0.1/__mock/accounts/${DEMO_ACCOUNTS[0].merchantCode}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ balance: 1e12, credit: 1e12 }) }));
    expect(admin.status).toBe(200);
    const answer = await twin.fetch(new Request('http://127.0.0.1/api/customer/balance', { headers: { 'x-api-key': DEMO_ACCOUNTS[0].key, 'accept-language': 'en-US' } }));
    const body = await answer.json();
    expect(body.data).toEqual({ balance: 1e12, credit: 1e12, creditBalance: 2e12 });
    const index = createSpecIndex(spec);
    const balance = index.operations.find((o) => o.operationId === 'getBalance')!;
    expect(index.validate(responseSchema(balance, 200)!, body)).toBeUndefined();
    expect(index.validate(responseSchema(balance, 200)!, { ...body, data: { ...body.data, creditBalance: 2e12 + 1 } })).toMatch(/maximum|<=/);
    twin.close();
  });
});
