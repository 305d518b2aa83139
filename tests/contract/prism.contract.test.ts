// The catalogue against the plain Prism CLI: what it can support must pass; only its real capability gaps skip.
import { describe, expect } from 'vitest';
import { startPrismCli } from '../../src/process/prism-cli.ts';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { ALL_CHECKS } from '../../src/contract/checks/index.ts';
import { contractTest, failuresOf, skippedBySpec, skipsBySpec } from '../support/test.ts';
import { httpTarget } from '../../src/contract/targets/http-target.ts';
import { missingFor } from '../../src/contract/targets/profiles.ts';

const test = contractTest(async () => {
  const prism = await startPrismCli();
  if (!prism.ok) throw new Error(`${prism.error.code}: ${prism.error.message}`);
  const [account] = DEMO_ACCOUNTS;
  return httpTarget({ name: 'prism', baseUrl: prism.value.url, apiKey: account.key, merchantCode: account.merchantCode, missing: missingFor('prism', true), onClose: prism.value.close });
});

describe('prism (plain Prism CLI)', () => {
  test.for(ALL_CHECKS.map((c) => c.id))('%s finds nothing', (id, { report }) => {
    expect(failuresOf(report, id)).toEqual([]);
  });

  test('only the checks needing a capability Prism lacks are skipped, with that reason', ({ report, target }) => {
    const all = report.lines.filter((l) => l.status === 'SKIP');
    expect(all.filter(skippedBySpec).map((l) => `${l.checkId} ${l.operation}`).sort()).toEqual(skipsBySpec().sort());
    const skipped = all.filter((l) => !skippedBySpec(l));
    const reasons = new Set(Object.values(target.missing));
    expect(skipped.filter((l) => !reasons.has(l.reason ?? ''))).toEqual([]);
    const expected = ALL_CHECKS.filter((c) => (c.requires ?? []).some((cap) => target.missing[cap])).map((c) => c.id);
    expect([...new Set(skipped.map((l) => l.checkId))].sort()).toEqual(expected.sort());
  });
});
