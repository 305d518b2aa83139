// wupex-operation-secured: every operation requires the key, globally or per operation.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-operation-secured';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: global security covers every operation', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test('valid: no global security, but every operation declares its own', async () => {
    const spec = minimalSpec();
    delete spec.security;
    spec.paths['/api/customer/balance'].get.security = [{ apiKey: [] }];
    spec.paths['/api/order/list'].post.security = [{ apiKey: [] }];
    expect(await lint(ruleset, spec)).toEqual([]);
  });

  test('invalid: no global security and none on the operations', async () => {
    const spec = minimalSpec();
    delete spec.security;
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([
      { code: RULE, path: 'paths./api/customer/balance.get' },
      { code: RULE, path: 'paths./api/order/list.post' },
    ]);
    expect(hits[0].message).toBe('GET /api/customer/balance is not secured: require the apiKey scheme (no empty or "{}" security).');
  });

  test('invalid: an operation opts out with security: []', async () => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.security = [];
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'paths./api/customer/balance.get.security' }]);
  });

  test('invalid: an operation allows anonymous calls with {}', async () => {
    const spec = minimalSpec();
    spec.paths['/api/order/list'].post.security = [{ apiKey: [] }, {}];
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'paths./api/order/list.post.security' }]);
  });
});
