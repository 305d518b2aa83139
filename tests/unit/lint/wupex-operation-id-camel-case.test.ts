// wupex-operation-id-camel-case: every operation has a camelCase operationId.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-operation-id-camel-case';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: getBalance and listOrders', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test('invalid: an operation without operationId', async () => {
    const spec = minimalSpec();
    delete spec.paths['/api/customer/balance'].get.operationId;
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'paths./api/customer/balance.get' }]);
  });

  test.each(['list-orders', 'ListOrders', 'list_orders'])('invalid: operationId %s', async (id) => {
    const spec = minimalSpec();
    spec.paths['/api/order/list'].post.operationId = id;
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'paths./api/order/list.post.operationId' }]);
  });
});
