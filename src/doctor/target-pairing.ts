// Doctor check `target-pairing`: the key, WUPEX_BASE_URL and KIT_TARGET point at the same place, and no key travels in clear.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { TWIN_URL, environmentOf, parseBaseUrl, type Environment } from '../http/base-url.ts';
import type { KitEnv } from '../cli/env.ts';
import { fingerprint } from '../secrets/redact.ts';
import { defineDoctorCheck, type DoctorResult } from './doctor-check.ts';

export const KIT_TARGETS = ['mock', 'prism', 'sandbox', 'production'] as const;

interface Problem { severity: 'fail' | 'warn'; what: string; fix: string }

/** Keys the twin accepts: its demo keys and any WUPEX_MOCK_KEYS entry (`key` or `key:MERCHANT`). */
export function twinKeys(env: KitEnv): string[] {
  const extra = (env.WUPEX_MOCK_KEYS ?? '').split(',').map((e) => e.trim().split(':')[0]).filter(Boolean);
  return [...DEMO_ACCOUNTS.map((a) => a.key), ...extra];
}

/** Each rule is one `if`; the list is the finding, most serious first. */
export function pairingProblems(env: KitEnv, environmentOfUrl: (url: URL) => Environment): Problem[] {
  const problems: Problem[] = [];
  const target = env.KIT_TARGET;
  if (target && !(KIT_TARGETS as readonly string[]).includes(target)) {
    problems.push({ severity: 'fail', what: `KIT_TARGET=${target} is not a target`, fix: `Set KIT_TARGET to one of ${KIT_TARGETS.join(', ')}.` });
  }
  const parsed = parseBaseUrl(env.WUPEX_BASE_URL ?? TWIN_URL);
  if (!parsed.ok) return [...problems, { severity: 'fail', what: parsed.error.message, fix: parsed.error.hint ?? 'Fix WUPEX_BASE_URL.' }];
  const where = environmentOfUrl(parsed.value);
  const key = env.WUPEX_API_KEY;
  const isTwinKey = key !== undefined && twinKeys(env).includes(key);
  if (isTwinKey && (where === 'sandbox' || where === 'production')) {
    problems.push({ severity: 'fail', what: `WUPEX_API_KEY (${fingerprint(key)}) is a twin demo key, but WUPEX_BASE_URL is the real WUPEX ${where}: it will answer 401`, fix: `Use your ${where} key, or unset WUPEX_BASE_URL to use the twin.` });
  }
  if (target === 'sandbox' && where === 'production') {
    problems.push({ severity: 'fail', what: 'KIT_TARGET=sandbox but WUPEX_BASE_URL is production', fix: 'Set WUPEX_BASE_URL=https://sandbox-service.wupex.com with your sandbox key.' });
  }
  if (target === 'production' && where === 'sandbox') {
    problems.push({ severity: 'fail', what: 'KIT_TARGET=production but WUPEX_BASE_URL is the sandbox', fix: 'Make KIT_TARGET and WUPEX_BASE_URL name the same environment, with that environment\'s key (S2).' });
  }
  if ((target === 'sandbox' || target === 'production') && !key) {
    problems.push({ severity: 'warn', what: `KIT_TARGET=${target} but WUPEX_API_KEY is unset`, fix: `Put your ${target} key in WUPEX_API_KEY.` });
  }
  if ((target === 'sandbox' || target === 'production') && where === 'local') {
    problems.push({ severity: 'warn', what: `KIT_TARGET=${target} but WUPEX_BASE_URL is loopback (${parsed.value.origin})`, fix: `Set WUPEX_BASE_URL to the ${target} server, or KIT_TARGET=mock.` });
  }
  if ((target === 'mock' || target === 'prism') && (where === 'sandbox' || where === 'production')) {
    problems.push({ severity: 'warn', what: `KIT_TARGET=${target} (offline) but WUPEX_BASE_URL is the real ${where}`, fix: 'Unset WUPEX_BASE_URL for offline work, or set KIT_TARGET to the environment you mean.' });
  }
  if (key && !isTwinKey && where === 'local') {
    problems.push({ severity: 'warn', what: `WUPEX_API_KEY (${fingerprint(key)}) is not a twin key, and the target is the twin at ${parsed.value.origin}: the twin will answer 401`, fix: 'Unset WUPEX_API_KEY for the twin (its demo key is used), or point WUPEX_BASE_URL at https://sandbox-service.wupex.com.' });
  }
  return problems;
}

export const targetPairing = defineDoctorCheck({
  id: 'target-pairing',
  run({ env, doc }): DoctorResult {
    const problems = pairingProblems(env, (url) => environmentOf(url, doc));
    if (problems.length === 0) {
      const parsed = parseBaseUrl(env.WUPEX_BASE_URL ?? TWIN_URL);
      const where = parsed.ok ? environmentOf(parsed.value, doc) : 'unknown';
      return { status: 'ok', what: `key, base URL and target agree (${where}${where === 'production' ? ': real orders; npm run example refuses it' : ''})` };
    }
    const status = problems.some((p) => p.severity === 'fail') ? 'fail' : 'warn';
    const ordered = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'fail' ? -1 : 1));
    return { status, what: ordered.map((p) => p.what).join('; '), fix: ordered.map((p) => p.fix).join('\n') };
  },
});
