// wupex-error-envelope: every 4xx/5xx response body is {status:false, error:{code,message}}.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-error-envelope';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

const ENVELOPE = () => minimalSpec().components.schemas.ErrorEnvelope;

describe(RULE, () => {
  test('valid: 4xx responses reference the envelope', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test('valid: an envelope composed with allOf and enum [false]', async () => {
    const spec = minimalSpec();
    const { status, error } = ENVELOPE().properties;
    spec.components.schemas.ErrorEnvelope = {
      allOf: [{ type: 'object', required: ['status'], properties: { status: { enum: [false] } } }, { required: ['error'], properties: { error } }],
    };
    expect(status.const).toBe(false);
    expect(await lint(ruleset, spec)).toEqual([]);
  });

  test('invalid: a 5xx response with a plain-text body', async () => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.responses['500'] = {
      description: 'Oops.',
      content: { 'text/plain': { schema: { type: 'string' } } },
    };
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([{ code: RULE, path: 'paths./api/customer/balance.get.responses.500' }]);
    expect(hits[0].message).toBe('Response 500 must use the error envelope {status: false, error: {code, message}} as its application/json schema.');
  });

  test('invalid: status not fixed to false', async () => {
    const spec = minimalSpec();
    spec.components.schemas.ErrorEnvelope.properties.status = { type: 'boolean' };
    const hits = await lint(ruleset, spec);
    // Spectral reports a $ref'd response at its definition, once per distinct message (401, 429).
    expect(where(hits)).toEqual([
      { code: RULE, path: 'components.responses.Error' },
      { code: RULE, path: 'components.responses.Error' },
    ]);
    expect(hits.map((h) => h.message.slice(0, 12)).sort()).toEqual(['Response 401', 'Response 429']);
  });

  test('invalid: error.message not required', async () => {
    const spec = minimalSpec();
    spec.components.schemas.ErrorEnvelope.properties.error.required = ['code'];
    expect(where(await lint(ruleset, spec))).toEqual([
      { code: RULE, path: 'components.responses.Error' },
      { code: RULE, path: 'components.responses.Error' },
    ]);
  });

  test('invalid: a 404 without a body', async () => {
    const spec = minimalSpec();
    spec.paths['/api/order/list'].post.responses['404'] = { description: 'Not found.' };
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'paths./api/order/list.post.responses.404' }]);
  });
});
