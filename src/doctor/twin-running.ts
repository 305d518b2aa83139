// Doctor check `twin`: is the offline twin answering on loopback (GET /__mock/state), and is it needed?
import { TWIN_URL, baseUrlString, isLoopbackHost, parseBaseUrl } from '../http/base-url.ts';
import type { KitEnv } from '../cli/env.ts';
import { DOCTOR_DEFAULTS, defineDoctorCheck, ok, warn } from './doctor-check.ts';
import { probe } from './probe.ts';

/** Where a twin would be: WUPEX_BASE_URL when it is loopback, else the default port; and whether the client goes there. */
export function twinTarget(env: KitEnv): { url: string; inUse: boolean } {
  const parsed = env.WUPEX_BASE_URL ? parseBaseUrl(env.WUPEX_BASE_URL) : undefined;
  if (parsed?.ok && isLoopbackHost(parsed.value.hostname)) return { url: baseUrlString(parsed.value), inUse: true };
  return { url: TWIN_URL, inUse: env.WUPEX_BASE_URL === undefined };
}

interface TwinState { status?: boolean; data?: { accounts?: unknown[]; products?: { count?: number } } }

export const twinRunning = defineDoctorCheck({
  id: 'twin',
  async run({ env, fetch }) {
    const twin = twinTarget(env);
    const outcome = await probe(fetch, `${twin.url}/__mock/state`, DOCTOR_DEFAULTS.twinProbeTimeoutMs);
    const state = outcome.answered ? (outcome.body as TwinState) : undefined;
    if (outcome.answered && outcome.status === 200 && state?.status === true && Array.isArray(state.data?.accounts)) {
      return ok(`the twin is running at ${twin.url} (${state.data.accounts.length} accounts, ${state.data.products?.count ?? '?'} products)`);
    }
    if (outcome.answered) {
      return warn(`something answers at ${twin.url} but it is not the twin (GET /__mock/state: HTTP ${outcome.status})`,
        'Stop whatever holds that port, or start the twin elsewhere: npm run mock -- --port 4011 and WUPEX_BASE_URL=http://127.0.0.1:4011.');
    }
    const what = `no twin at ${twin.url} (${outcome.reason})`;
    if (!twin.inUse) return ok(`${what}; not needed, WUPEX_BASE_URL points elsewhere`);
    return warn(`${what}; npm run example and the client default to it`, 'Start it in another terminal: npm run mock');
  },
});
