// wupex-server-environment: every server declares x-environment sandbox|production|local.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-server-environment';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

describe(RULE, () => {
  test('valid: every server declares its environment', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test('invalid: a server without x-environment', async () => {
    const spec = minimalSpec();
    delete spec.servers[0]['x-environment'];
    const hits = await lint(ruleset, spec);
    expect(where(hits)).toEqual([{ code: RULE, path: 'servers.0' }]);
    expect(hits[0].message).toContain('Server must declare x-environment: sandbox, production or local');
  });

  test('invalid: an unknown environment name', async () => {
    const spec = minimalSpec();
    spec.servers[1]['x-environment'] = 'staging';
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'servers.1.x-environment' }]);
  });
});
