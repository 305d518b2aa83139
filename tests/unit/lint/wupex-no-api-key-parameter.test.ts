// wupex-no-api-key-parameter: no query or cookie parameter named like a key or token.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-no-api-key-parameter';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: only ordinary query parameters', async () => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.parameters.push({ name: 'orderName', in: 'query', schema: { type: 'string' } });
    expect(await lint(ruleset, spec)).toEqual([]);
  });

  test('valid: a key-like name in a header is not this rule\'s concern', async () => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.parameters.push({ name: 'x-api-key', in: 'header', schema: { type: 'string' } });
    expect(await lint(ruleset, spec)).toEqual([]);
  });

  test.each([
    ['query', 'api_key'],
    ['query', 'x-api-key'],
    ['query', 'apiKey'],
    ['cookie', 'access_token'],
  ])('invalid: a %s parameter named %s', async (where_, name) => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.parameters.push({ name, in: where_, schema: { type: 'string' } });
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([{ code: RULE, path: 'paths./api/customer/balance.get.parameters.1.name' }]);
    expect(hits[0].message).toBe(`Parameter "${name}" looks like a credential in a query string or cookie; the key goes only in the x-api-key header.`);
  });
});
