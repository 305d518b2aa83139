// wupex-accept-language-required: every operation takes a required Accept-Language header.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-accept-language-required';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: every operation references the AcceptLanguage parameter', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test('valid: declared once on the path item, inherited by its operations', async () => {
    const spec = minimalSpec();
    const item = spec.paths['/api/customer/balance'];
    item.parameters = item.get.parameters;
    item.get.parameters = [];
    expect(await lint(ruleset, spec)).toEqual([]);
  });

  test('invalid: Accept-Language removed from one operation', async () => {
    const spec = minimalSpec();
    spec.paths['/api/order/list'].post.parameters = [];
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([{ code: RULE, path: 'paths./api/order/list.post.parameters' }]);
    expect(hits[0].message).toBe(
      'POST /api/order/list does not take the Accept-Language header; add the AcceptLanguage parameter.',
    );
  });

  test('invalid: Accept-Language present but optional', async () => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.parameters = [{ name: 'accept-language', in: 'header', schema: { type: 'string' } }];
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([{ code: RULE, path: 'paths./api/customer/balance.get.parameters' }]);
    expect(hits[0].message).toBe('GET /api/customer/balance: the Accept-Language header must be required: true.');
  });

  test('invalid: Accept-Language sent as a query parameter', async () => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.parameters = [{ name: 'Accept-Language', in: 'query', required: true, schema: { type: 'string' } }];
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'paths./api/customer/balance.get.parameters' }]);
  });
});
