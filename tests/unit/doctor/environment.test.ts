// Doctor check `environment`: names what is set; the key appears only as its fingerprint.
import { describe, expect, test } from 'vitest';
import { environment } from '../../../src/doctor/environment.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import { testContext } from './fixtures.ts';

const KEY = 'doctor-env-key-9b4e2c71'; // scan-secrets: allow (a deliberate fake key)

describe('environment', () => {
  test('no key is a warning that offline work needs none', () => {
    const result = environment.run(testContext({ env: {} }));
    expect(result).toEqual({
      status: 'warn',
      what: "WUPEX_API_KEY unset; WUPEX_BASE_URL unset (default http://127.0.0.1:4010, the twin); KIT_TARGET unset (default mock). Offline work needs no key (the twin's demo key is used)",
      fix: 'For the sandbox, put your key from https://sandbox-portal.wupex.com/ in WUPEX_API_KEY (environment or the git-ignored .env).',
    });
  });

  test('a key is shown as its fingerprint only', () => {
    const result = environment.run(testContext({ env: { WUPEX_API_KEY: KEY, WUPEX_BASE_URL: 'https://sandbox-service.wupex.com', KIT_TARGET: 'sandbox' } }));
    expect(result).toEqual({ status: 'ok', what: `WUPEX_API_KEY set (${fingerprint(KEY)}); WUPEX_BASE_URL = https://sandbox-service.wupex.com; KIT_TARGET = sandbox` });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  test('a quoted key is a warning', () => {
    expect(environment.run(testContext({ env: { WUPEX_API_KEY: `"${KEY}"` } }))).toMatchObject({ status: 'warn' });
  });
});
