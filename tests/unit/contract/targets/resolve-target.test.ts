// Target resolution: safety refusals before anything is sent, and the capabilities each target declares.
import { describe, expect, test } from 'vitest';
import { checkUrl, resolveTarget } from '../../../../src/contract/targets/resolve-target.ts';
import { REASONS } from '../../../../src/contract/targets/profiles.ts';

const KEY = 'wupex-test-key-Q7zX-DISTINCTIVE-51d0'; // scan-secrets: allow (a deliberate fake key)

describe('checkUrl', () => {
  test.each([
    ['https anywhere', 'https://sandbox-service.wupex.com', undefined, true],
    ['http to 127.0.0.1', 'http://127.0.0.1:4010', undefined, true],
    ['http to localhost', 'http://localhost:4010', undefined, true],
    ['http to [::1]', 'http://[::1]:4010', undefined, true],
    ['http to a public host', 'http://example.com', undefined, false],
    ['http to a private LAN host', 'http://192.168.1.10:4010', undefined, false],
    ['production without --target production', 'https://service.wupex.com', undefined, false],
    ['production with --target sandbox', 'https://service.wupex.com', 'sandbox', false],
    ['production with --target production', 'https://service.wupex.com', 'production', true],
    ['not a URL', 'sandbox', undefined, false],
  ])('%s', (_name, url, target, allowed) => {
    expect(checkUrl(url, target).ok).toBe(allowed);
  });

  test('the production refusal says what to do', () => {
    const result = checkUrl('https://service.wupex.com', undefined);
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'Refusing to run against production (https://service.wupex.com) without --target production.',
      hint: 'Pass --target production for a read-only run, or use the sandbox.',
    });
  });
});

describe('resolveTarget', () => {
  test('a bare --base-url is held to the sandbox standard: every capability, orders allowed on loopback', async () => {
    const target = await resolveTarget({ baseUrl: 'http://127.0.0.1:4010', env: { WUPEX_API_KEY: KEY } });
    expect(target.ok && { name: target.value.name, missing: target.value.missing, readOnly: target.value.readOnly }).toEqual({ name: 'base-url', missing: {}, readOnly: false });
  });

  test('the sandbox places no order without --allow-orders', async () => {
    const target = await resolveTarget({ target: 'sandbox', env: { WUPEX_API_KEY: KEY } });
    expect(target.ok && target.value.missing.allowsOrders).toBe(REASONS.sandboxOrders);
    const allowed = await resolveTarget({ target: 'sandbox', allowOrders: true, env: { WUPEX_API_KEY: KEY } });
    expect(allowed.ok && allowed.value.missing.allowsOrders).toBeUndefined();
  });

  test('production is read-only and refuses --allow-orders', async () => {
    const target = await resolveTarget({ target: 'production', env: { WUPEX_API_KEY: KEY } });
    expect(target.ok && [target.value.readOnly, target.value.missing.allowsOrders]).toEqual([true, REASONS.productionOrders]);
    const refused = await resolveTarget({ target: 'production', allowOrders: true, env: { WUPEX_API_KEY: KEY } });
    expect(refused.ok).toBe(false);
  });

  test('a URL target without WUPEX_API_KEY is a configuration error that names the variable', async () => {
    const target = await resolveTarget({ target: 'sandbox', env: {} });
    expect(target.ok ? undefined : target.error.message).toBe('WUPEX_API_KEY is not set, and https://sandbox-service.wupex.com needs a key.');
  });

  test('the merchant code comes from WUPEX_MERCHANT_CODE, or from the twin demo account matching the key', async () => {
    const demo = await resolveTarget({ baseUrl: 'http://127.0.0.1:4010', env: { WUPEX_API_KEY: 'wupex-demo-key-bravo' } });
    expect(demo.ok && demo.value.merchantCode).toBe('DEMO-MERCHANT-B');
    const set = await resolveTarget({ baseUrl: 'http://127.0.0.1:4010', env: { WUPEX_API_KEY: KEY, WUPEX_MERCHANT_CODE: 'M-1' } });
    expect(set.ok && set.value.merchantCode).toBe('M-1');
  });
});
