// The catalogue against the real sandbox, only when WUPEX_API_KEY is set; otherwise visibly skipped with the reason.
// Orders are placed only when WUPEX_ALLOW_ORDERS=1 is also set (the `--allow-orders` of npm run verify).
import { describe, expect } from 'vitest';
import { loadKitEnv } from '../../scripts/lib/env.ts';
import { ALL_CHECKS } from '../checks/index.ts';
import { contractTest, failuresOf } from '../support/test.ts';
import { resolveTarget } from '../targets/resolve-target.ts';

const env = loadKitEnv();
const hasKey = Boolean(env.WUPEX_API_KEY);

const test = contractTest(async () => {
  const target = await resolveTarget({ target: 'sandbox', allowOrders: env.WUPEX_ALLOW_ORDERS === '1', env });
  if (!target.ok) throw new Error(`${target.error.code}: ${target.error.message}`);
  return target.value;
});

describe.skipIf(!hasKey)(hasKey ? 'sandbox' : 'sandbox (skipped: WUPEX_API_KEY not set)', () => {
  test.for(ALL_CHECKS.map((c) => c.id))('%s finds nothing', (id, { report }) => {
    expect(failuresOf(report, id)).toEqual([]);
  });
});
