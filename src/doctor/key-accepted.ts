// Doctor check `key`: the target accepts WUPEX_API_KEY (one getBalance with the key); a 401 is a problem, said as verify says it.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { baseUrlString, isLoopbackHost, parseBaseUrl, serverUrlOf } from '../http/base-url.ts';
import { fingerprint } from '../secrets/redact.ts';
import { defineDoctorCheck, fail, ok, skip, warn } from './doctor-check.ts';
import { probe } from './probe.ts';

export const KEY_REJECTED_MESSAGE = 'the target rejected WUPEX_API_KEY (401 UNAUTHORIZED); check which environment the key belongs to';

export const keyAccepted = defineDoctorCheck({
  id: 'key',
  async run({ env, doc, offline, fetch, probeTimeoutMs }) {
    const key = env.WUPEX_API_KEY;
    if (!key) return skip('WUPEX_API_KEY is not set: nothing to try');
    const parsed = parseBaseUrl(env.WUPEX_BASE_URL ?? serverUrlOf('sandbox', doc) ?? 'https://sandbox-service.wupex.com');
    if (!parsed.ok) return skip('WUPEX_BASE_URL is not usable (see target-pairing); the key was not tried');
    const url = baseUrlString(parsed.value);
    const loopback = isLoopbackHost(parsed.value.hostname);
    // Never put a key on the wire in clear to a remote host, nor a twin demo key to a real one (target-pairing says why).
    if (!loopback && parsed.value.protocol !== 'https:') return skip(`${url} is plain http: the key was not sent`);
    if (!loopback && DEMO_ACCOUNTS.some((a) => a.key === key)) return skip(`WUPEX_API_KEY is a twin demo key: not sent to ${url}`);
    if (offline && !loopback) return skip(`--offline: did not try the key on ${url}`);
    const outcome = await probe(fetch, `${url}/api/customer/balance`, probeTimeoutMs, { 'x-api-key': key });
    if (!outcome.answered) return skip(`${url} did not answer (${outcome.reason}), so the key could not be tried`);
    if (outcome.status === 401) {
      return fail(`${KEY_REJECTED_MESSAGE} (${fingerprint(key)} at ${url})`, 'Use the key of this environment (sandbox keys: https://sandbox-portal.wupex.com/), or point WUPEX_BASE_URL at the environment the key belongs to.');
    }
    if (outcome.status === 200) return ok(`${url} accepts WUPEX_API_KEY (${fingerprint(key)})`);
    return warn(`${url} answered HTTP ${outcome.status} to a balance call with WUPEX_API_KEY (${fingerprint(key)})`, 'Run npm run verify against it for details.');
  },
});
