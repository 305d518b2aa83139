// The catalogue against production, read-only, only when KIT_TARGET=production and WUPEX_API_KEY (a production key)
// are both set; otherwise visibly skipped with the reason. No order is ever sent there.
import { describe, expect } from 'vitest';
import { loadKitEnv } from '../../src/cli/env.ts';
import { ALL_CHECKS } from '../../src/contract/checks/index.ts';
import { contractTest, failuresOf } from '../support/test.ts';
import { resolveTarget } from '../../src/contract/targets/resolve-target.ts';

const env = loadKitEnv();
const why = env.KIT_TARGET !== 'production' ? 'KIT_TARGET is not production' : !env.WUPEX_API_KEY ? 'WUPEX_API_KEY not set' : undefined;

const test = contractTest(async () => {
  const target = await resolveTarget({ target: 'production', env });
  if (!target.ok) throw new Error(`${target.error.code}: ${target.error.message}`);
  return target.value;
});

describe.skipIf(why !== undefined)(why ? `production, read-only (skipped: ${why})` : 'production, read-only', () => {
  test.for(ALL_CHECKS.map((c) => c.id))('%s finds nothing', (id, { report }) => {
    expect(failuresOf(report, id)).toEqual([]);
  });
});
