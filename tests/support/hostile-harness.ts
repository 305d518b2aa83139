// Test harness: a twin that knows the test's key, a second origin, and hostile servers in front of the twin, all closed after.
import { afterAll, beforeAll } from 'vitest';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../mocks/server.ts';
import { startHostile, startSecondOrigin, type Attack, type HostileServer, type SecondOrigin } from './hostile-servers.ts';

export interface HostileHarness {
  /** A hostile server attacking `attacks` paths and forwarding the rest to the twin. */
  hostile(attacks: Record<string, Attack>): Promise<HostileServer>;
  /** The second origin redirects point at (it must never receive anything). */
  second(): SecondOrigin;
}

/** Call at describe level: the twin accepts `key` (merchant DEMO-MERCHANT-A). */
export function useHostileTwin(key: string): HostileHarness {
  let twin: MockServer;
  let second: SecondOrigin;
  const opened: HostileServer[] = [];
  beforeAll(async () => {
    twin = await createMockServer({ accounts: [...DEMO_ACCOUNTS, { key, merchantCode: 'DEMO-MERCHANT-A' }] });
    second = await startSecondOrigin();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await second.close();
    await twin.close();
  });
  return {
    async hostile(attacks) {
      const server = await startHostile({ attacks, second, fallback: (r) => twin.fetch(r) });
      opened.push(server);
      return server;
    },
    second: () => second,
  };
}
