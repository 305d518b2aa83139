// Doctor check `sandbox`: the WUPEX host you would use answers at all (3 s timeout); skipped with --offline.
import { baseUrlString, isLoopbackHost, parseBaseUrl, serverUrlOf } from '../http/base-url.ts';
import type { KitEnv } from '../cli/env.ts';
import { defineDoctorCheck, fail, ok, skip, warn } from './doctor-check.ts';
import { probe } from './probe.ts';

/** The remote base URL to probe: WUPEX_BASE_URL when it is a valid remote URL, else the spec's sandbox server. */
export function remoteTarget(env: KitEnv, sandboxUrl: string): { url: string; configured: boolean } {
  const parsed = env.WUPEX_BASE_URL ? parseBaseUrl(env.WUPEX_BASE_URL) : undefined;
  if (parsed?.ok && !isLoopbackHost(parsed.value.hostname)) return { url: baseUrlString(parsed.value), configured: true };
  return { url: sandboxUrl, configured: false };
}

export const sandboxReachable = defineDoctorCheck({
  id: 'sandbox',
  async run({ env, doc, offline, fetch, probeTimeoutMs }) {
    const target = remoteTarget(env, serverUrlOf('sandbox', doc) ?? 'https://sandbox-service.wupex.com');
    if (offline) return skip(`--offline: did not probe ${target.url}`);
    const outcome = await probe(fetch, `${target.url}/api/customer/balance`, probeTimeoutMs);
    if (outcome.answered) return ok(`${target.url} answers (HTTP ${outcome.status} to a balance call without a key)`);
    const what = `offline: could not reach ${target.url} (${outcome.reason}); the offline twin works without network: npm run mock`;
    const fix = 'Check your network or proxy; for offline work use the twin (npm run mock) and npm run doctor -- --offline.';
    // Unreachable is only wrong when you have asked for that host; offline work is a normal state.
    const needed = target.configured || env.KIT_TARGET === 'sandbox' || env.KIT_TARGET === 'production';
    return needed ? fail(what, fix) : warn(what, fix);
  },
});
