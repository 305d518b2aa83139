// wupex-api-key-in-header: the key is an apiKey scheme in the x-api-key header, never query or cookie.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-api-key-in-header';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: apiKey scheme in the x-api-key header', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test('valid: header name is matched case-insensitively', async () => {
    const spec = minimalSpec();
    spec.components.securitySchemes.apiKey.name = 'X-API-Key';
    expect(await lint(ruleset, spec)).toEqual([]);
  });

  test('invalid: the key moved to the query string', async () => {
    const spec = minimalSpec();
    spec.components.securitySchemes.apiKey.in = 'query';
    expect(where(await lint(ruleset, spec))).toEqual([
      { code: RULE, path: 'components.securitySchemes' },
      { code: RULE, path: 'components.securitySchemes.apiKey.in' },
    ]);
  });

  test('invalid: a second apiKey scheme in a cookie', async () => {
    const spec = minimalSpec();
    spec.components.securitySchemes.cookieKey = { type: 'apiKey', in: 'cookie', name: 'key' };
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([{ code: RULE, path: 'components.securitySchemes.cookieKey.in' }]);
    expect(hits[0].message).toBe('Security scheme "cookieKey" sends the API key in cookie; send it in the x-api-key header instead.');
  });

  test('invalid: no security scheme at all', async () => {
    const spec = minimalSpec();
    delete spec.components.securitySchemes;
    // Spectral trims a result path to the deepest node that exists.
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'components' }]);
  });
});
