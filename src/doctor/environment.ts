// Doctor check `environment`: which of WUPEX_API_KEY / WUPEX_BASE_URL / KIT_TARGET are set; the key only as a fingerprint.
import { TWIN_URL } from '../http/base-url.ts';
import { fingerprint } from '../secrets/redact.ts';
import { defineDoctorCheck, ok, warn } from './doctor-check.ts';

export const environment = defineDoctorCheck({
  id: 'environment',
  run({ env }) {
    const key = env.WUPEX_API_KEY;
    const parts = [
      `WUPEX_API_KEY ${key ? `set (${fingerprint(key)})` : 'unset'}`,
      `WUPEX_BASE_URL ${env.WUPEX_BASE_URL ? `= ${env.WUPEX_BASE_URL}` : `unset (default ${TWIN_URL}, the twin)`}`,
      `KIT_TARGET ${env.KIT_TARGET ? `= ${env.KIT_TARGET}` : 'unset (default mock)'}`,
    ];
    const what = parts.join('; ');
    if (!key) {
      return warn(`${what}. Offline work needs no key (the twin's demo key is used)`,
        'For the sandbox, put your key from https://sandbox-portal.wupex.com/ in WUPEX_API_KEY (environment or the git-ignored .env).');
    }
    if (key !== key.trim() || /["'\s]/.test(key)) {
      return warn(`${what}. The key contains spaces or quotes, which WUPEX will not accept`, 'Remove quotes and whitespace around the value of WUPEX_API_KEY.');
    }
    return ok(what);
  },
});
