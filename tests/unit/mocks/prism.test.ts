// The Prism adapter: built from the loaded spec or from its path alike, routes percent-encoded paths, refuses a broken spec as a value.
import { describe, expect, test } from 'vitest';
import { createPrismRouter, VALIDATION_MEMO, type PrismInput } from '../../../mocks/prism.ts';
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

  test('verdicts are remembered per identical request only: a changed header, query or body is judged afresh, past the bound too', async () => {
    const router = await createPrismRouter(SPEC_PATH);
    if (!router.ok) throw new Error(router.error.message);
    const verdict = async (input: PrismInput) => {
      const routed = await router.value.check(input);
      if (!routed.ok) throw new Error(routed.error.detail);
      return routed.value.diagnostics.map((d) => d.path.join('.')).sort();
    };
    const french = { ...BALANCE, headers: { ...BALANCE.headers, 'accept-language': 'fr-FR' } };
    expect(await verdict(BALANCE)).toEqual([]);
    expect(await verdict(french)).toEqual(['header.accept-language']);
    expect(await verdict(BALANCE)).toEqual([]);
    expect(await verdict(french)).toEqual(['header.accept-language']);
    // Fill the memo past its bound with distinct valid requests; the invalid one is still judged invalid.
    for (let i = 0; i <= VALIDATION_MEMO.entries; i++) expect(await verdict({ ...BALANCE, headers: { ...BALANCE.headers, 'x-request-id': String(i) } })).toEqual([]);
    expect(await verdict(french)).toEqual(['header.accept-language']);
    // A request longer than the memo's key bound is judged every time, the same way.
    const long = { ...french, headers: { ...french.headers, 'x-padding': 'p'.repeat(VALIDATION_MEMO.keyChars) } };
    expect(await verdict(long)).toEqual(['header.accept-language']);
    expect(await verdict(long)).toEqual(['header.accept-language']);
    // A remembered verdict is shared: frozen, so one request's caller cannot edit another's.
    const shared = await router.value.check(french);
    expect(shared.ok && Object.isFrozen(shared.value.diagnostics)).toBe(true);
  });

  test('a spec that is not OpenAPI 3 is SPEC_INVALID naming its source, never a throw', async () => {
    const router = await createPrismRouter({ paths: { '/x': { get: null } } }, 'broken.yaml');
    expect(router.ok ? 'built' : router.error.message).toBe('[wupex-mock] SPEC_INVALID: Prism could not read broken.yaml.');
  });
});
