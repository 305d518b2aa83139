// wupex-named-examples: every request and response body has named examples.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-named-examples';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: named examples on every body', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test('invalid: a response with a single anonymous example', async () => {
    const spec = minimalSpec();
    const media = spec.paths['/api/customer/balance'].get.responses['200'].content['application/json'];
    delete media.examples;
    media.example = { status: true };
    expect(where(await lint(ruleset, spec))).toEqual([
      { code: RULE, path: 'paths./api/customer/balance.get.responses.200.content.application/json' },
    ]);
  });

  test('invalid: a request body without examples', async () => {
    const spec = minimalSpec();
    delete spec.paths['/api/order/list'].post.requestBody.content['application/json'].examples;
    expect(where(await lint(ruleset, spec))).toEqual([
      { code: RULE, path: 'paths./api/order/list.post.requestBody.content.application/json' },
    ]);
  });

  test('invalid: an empty examples map', async () => {
    const spec = minimalSpec();
    spec.paths['/api/order/list'].post.responses['200'].content['application/json'].examples = {};
    expect(where(await lint(ruleset, spec))).toEqual([
      { code: RULE, path: 'paths./api/order/list.post.responses.200.content.application/json.examples' },
    ]);
  });
});
