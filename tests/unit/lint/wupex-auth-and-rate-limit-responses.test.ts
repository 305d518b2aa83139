// wupex-auth-and-rate-limit-responses: every operation declares 401 and 429.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-auth-and-rate-limit-responses';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: both operations declare 401 and 429', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test.each(['401', '429'])('invalid: an operation without %s', async (code) => {
    const spec = minimalSpec();
    delete spec.paths['/api/order/list'].post.responses[code];
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([{ code: RULE, path: 'paths./api/order/list.post.responses' }]);
    expect(hits[0].message).toContain(`"${code}"`);
  });
});
