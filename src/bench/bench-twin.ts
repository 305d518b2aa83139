// Starts `npm run mock` (the twin) as a child process on a given port, as a user would, and times its start-up.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import type { Result } from '../core/result.ts';
import { spawnListening } from '../process/spawn-listening.ts';

export interface TwinProcess {
  url: string;
  port: number;
  /** Milliseconds from spawn to "listening". */
  startupMs: number;
  close(): Promise<void>;
}

/** Spawn the twin as `npm run mock` does (scripts/mock-launch.mjs) with the demo accounts and no faults; resolve once it prints where it listens. */
export async function startTwinProcess(port: number, timeoutMs = 30_000): Promise<Result<TwinProcess>> {
  // Explicit values (not empty ones, which would let a .env file decide): the bench measures the twin without faults.
  const env = { ...process.env, WUPEX_MOCK_KEYS: DEMO_ACCOUNTS.map((a) => `${a.key}:${a.merchantCode}`).join(','), WUPEX_MOCK_FAULT_RATE: '0', WUPEX_MOCK_RATE_LIMIT: '0', WUPEX_MOCK_LATENCY_MS: '0' };
  const started = await spawnListening({
    args: ['scripts/mock-launch.mjs', '--port', String(port), '--host', '127.0.0.1'],
    env,
    listening: /listening on (http:\/\/\S+) /,
    name: `The twin (127.0.0.1:${port})`,
    code: 'TWIN_START_FAILED',
    hint: 'Run `npm run mock -- --port N` by hand to see why.',
    timeoutMs,
  });
  return started.ok ? { ok: true, value: { ...started.value, port } } : started;
}
