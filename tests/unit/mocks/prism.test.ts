// The Prism adapter: built from the loaded spec or from its path alike, routes percent-encoded paths, refuses a broken spec as a value.
import { describe, expect, test } from 'vitest';
import { createPrismRouter } from '../../../mocks/prism.ts';
import { loadSpec, SPEC_PATH } from '../../../src/spec/spec.ts';

const BALANCE = { method: 'GET', path: '/api/customer/balance', query: {}, headers: { 'x-api-key': 'k', 'accept-language': 'en-US' }, body: undefined };

describe('createPrismRouter', () => {
  test('from the loaded spec or from its path, the same operation and no diagnostics', async () => {
    for (const router of [await createPrismRouter(loadSpec(), SPEC_PATH), await createPrismRouter(SPEC_PATH)]) {
      if (!router.ok) throw new Error(router.error.message);
      const routed = await router.value.check(BALANCE);
      expect(routed).toEqual({ ok: true, value: { operationId: 'getBalance', missingCredentials: false, diagnostics: [] } });
      expect((await router.value.check({ ...BALANCE, path: '/api/customer/%62alance' })).ok).toBe(true);
    }
  });

  test('a spec that is not OpenAPI 3 is SPEC_INVALID naming its source, never a throw', async () => {
    const router = await createPrismRouter({ paths: { '/x': { get: null } } }, 'broken.yaml');
    expect(router.ok ? 'built' : router.error.message).toBe('[wupex-mock] SPEC_INVALID: Prism could not read broken.yaml.');
  });
});
