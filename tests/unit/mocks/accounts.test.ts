import { afterAll, describe, expect, test } from 'vitest';
import { parseMockKeys } from '../../../mocks/accounts.ts';
import { createMockServer } from '../../../mocks/server.ts';
import { kit } from '../../support/decided.ts';
import { createHarness } from './harness.ts';

describe('parseMockKeys', () => {
  test.each([
    ['key-one-12345', [{ key: 'key-one-12345', merchantCode: 'MOCK-MERCHANT-1' }]],
    ['key-one-12345:SHOP-1, key-two-12345', [{ key: 'key-one-12345', merchantCode: 'SHOP-1' }, { key: 'key-two-12345', merchantCode: 'MOCK-MERCHANT-2' }]],
  ])('%s parses', (text, accounts) => {
    expect(parseMockKeys(text)).toEqual({ ok: true, value: accounts });
  });

  test.each([
    [' , ', 'WUPEX_MOCK_KEYS is set but lists no key.'],
    ['short', 'WUPEX_MOCK_KEYS entry 1: the key must be 8 to 256 characters of A-Z a-z 0-9 . _ ~ + / = -.'],
    ['key-one-12345,key-one-12345', 'WUPEX_MOCK_KEYS entry 2: the same key is listed twice.'],
    ['key-one-12345:M,key-two-12345:M', "WUPEX_MOCK_KEYS entry 2: merchant code 'M' is already used by another key."],
  ])('%j is CONFIG_INVALID: %s', (text, message) => {
    const parsed = parseMockKeys(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([parsed.error.code, parsed.error.message]).toEqual(['CONFIG_INVALID', message]);
  });
});

describe('accounts on the server', () => {
  const twinOf = async () => {
    const parsed = parseMockKeys('zz-distinct-key-one:SHOP-ONE,zz-distinct-key-two');
    if (!parsed.ok) throw new Error(parsed.error.message);
    return createHarness(await createMockServer({ accounts: parsed.value }));
  };
  let twin: Awaited<ReturnType<typeof twinOf>>;
  afterAll(() => twin.expectNoViolations());

  test('only the configured keys are accepted, each with its own merchant code', async () => {
    twin = await twinOf();
    expect((await twin.call('GET', '/api/customer/balance')).status).toBe(401);
    const body = [{ merchant: 'SHOP-ONE', sku: 'GOOGLE-USA-10USD', quantity: 1 }];
    expect((await twin.call('POST', '/api/order/pull-codes', { key: 'zz-distinct-key-one', body })).status).toBe(kit.pullCodes.successStatus);
    expect((await twin.call('POST', '/api/order/pull-codes', { key: 'zz-distinct-key-two', body })).status).toBe(kit.orderLimits.otherMerchant.status);
    const own = [{ merchant: 'MOCK-MERCHANT-2', sku: 'GOOGLE-USA-10USD', quantity: 1 }];
    expect((await twin.call('POST', '/api/order/pull-codes', { key: 'zz-distinct-key-two', body: own })).status).toBe(kit.pullCodes.successStatus);
  });
});
