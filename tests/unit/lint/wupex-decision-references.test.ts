// wupex-decision-references: every x-decision names a DECISIONS.md row; every row that constrains the spec is referenced.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { SPEC_PATH } from '../../../src/spec/spec.ts';
import { lint, loadSingleRule, where } from './support/lint-rule.ts';

const RULE = 'wupex-decision-references';
const specText = readFileSync(SPEC_PATH, 'utf8');
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

/**
 * The real spec with one exact, unique replacement (its DECISIONS.md sits next to it). The mutations edit row 3 (money,
 * on Balance): a row `npm run adopt` never moves, unlike row 22, whose x-decision goes wherever Retry-After is declared.
 */
function mutated(from: string, to: string) {
  expect(specText.split(from).length - 1, `"${from}" must occur exactly once`).toBe(1);
  return { file: SPEC_PATH, text: specText.replace(from, to) };
}

describe(RULE, () => {
  test('valid: the real spec references every row that constrains it, and only existing rows', async () => {
    expect(await lint(ruleset, { file: SPEC_PATH })).toEqual([]);
  });

  test('invalid: an x-decision that names no row', async () => {
    const hits = await lint(ruleset, mutated('      x-decision: 3\n', '      x-decision: [3, 99]\n'));
    expect(where(hits)).toEqual([{ code: RULE, path: 'components.schemas.Balance.x-decision.1' }]);
    expect(hits[0].message).toMatch(/^x-decision 99 names no row of DECISIONS\.md \(rows: 1, 2, .*D7\)\.$/);
  });

  test('invalid: a row that constrains the spec but is referenced nowhere', async () => {
    const hits = await lint(ruleset, mutated('      x-decision: 3\n', ''));
    expect(hits.map((h) => h.message)).toEqual([
      'DECISIONS.md row 3 constrains the spec but no x-decision references it; add x-decision: 3 to the element it decides, or list it under "Not in the spec".',
    ]);
  });

  test('invalid: an x-decision on a row listed as "Not in the spec"', async () => {
    const hits = await lint(ruleset, mutated('      x-decision: 3\n', '      x-decision: [3, 17]\n'));
    expect(hits.map((h) => h.message)).toEqual(['x-decision 17 points at a row DECISIONS.md lists as "Not in the spec"; remove it from that list or drop the x-decision.']);
  });
});
