// The catalogue against the offline twin (in-process): every check must pass, none may skip (but where the spec leaves nothing to check).
import { describe, expect } from 'vitest';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { createMockServer } from '../../mocks/server.ts';
import { ALL_CHECKS } from '../../src/contract/checks/index.ts';
import { contractTest, failuresOf, skipsBySpec } from '../support/test.ts';
import { fetchTarget } from '../../src/contract/targets/mock-target.ts';

const [account, other] = DEMO_ACCOUNTS;
const test = contractTest(async () => fetchTarget({ server: await createMockServer(), apiKey: account.key, merchantCode: account.merchantCode }), { secondKey: other.key });

describe('mock (the offline twin)', () => {
  test.for(ALL_CHECKS.map((c) => c.id))('%s finds nothing', (id, { report }) => {
    expect(failuresOf(report, id)).toEqual([]);
  });

  test('the twin supports every check: nothing is skipped but where the spec leaves nothing to check', ({ report }) => {
    const skipped = report.lines.filter((l) => l.status === 'SKIP');
    expect(skipped.map((l) => `${l.checkId} ${l.operation}`).sort()).toEqual(skipsBySpec().sort());
  });
});
