// The catalogue against the real sandbox, only when WUPEX_API_KEY is set; otherwise visibly skipped with the reason.
// KIT_TARGET=production moves the key to the production file instead (keys are per environment). Orders are placed
// only when WUPEX_ALLOW_ORDERS=1 is also set (the `--allow-orders` of npm run verify).
import { describe, expect } from 'vitest';
import { loadKitEnv } from '../../src/cli/env.ts';
import { ALL_CHECKS } from '../../src/contract/checks/index.ts';
import { contractTest, failuresOf } from '../support/test.ts';
import { resolveTarget } from '../../src/contract/targets/resolve-target.ts';

const env = loadKitEnv();
/** Another account on the sandbox, for isolation.other-account (optional). */
const otherAccount = env['WUPEX_API_KEY_2'];
const why = !env.WUPEX_API_KEY ? 'WUPEX_API_KEY not set' : env.KIT_TARGET === 'production' ? 'KIT_TARGET=production' : undefined;

const test = contractTest(async () => {
  const target = await resolveTarget({ target: 'sandbox', allowOrders: env.WUPEX_ALLOW_ORDERS === '1', env });
  if (!target.ok) throw new Error(`${target.error.code}: ${target.error.message}`);
  return target.value;
}, { secondKey: otherAccount });

describe.skipIf(why !== undefined)(why ? `sandbox (skipped: ${why})` : 'sandbox', () => {
  test.for(ALL_CHECKS.map((c) => c.id))('%s finds nothing', (id, { report }) => {
    expect(failuresOf(report, id)).toEqual([]);
  });
});
