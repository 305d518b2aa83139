// Doctor check `target-pairing`: key, base URL and KIT_TARGET must agree; plain http off loopback is an error.
import { describe, expect, test } from 'vitest';
import { targetPairing } from '../../../src/doctor/target-pairing.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import type { KitEnv } from '../../../src/cli/env.ts';
import { testContext } from './fixtures.ts';

const REAL = 'doctor-pair-key-51f0ce3a';
const DEMO = 'wupex-demo-key-alpha';
const SANDBOX = 'https://sandbox-service.wupex.com';
const PRODUCTION = 'https://service.wupex.com';
const run = async (env: KitEnv) => targetPairing.run(testContext({ env }));

describe('target-pairing', () => {
  test.each<[string, KitEnv, string, string]>([
    ['nothing set: the twin', {}, 'ok', 'key, base URL and target agree (local)'],
    ['a real key on the sandbox', { WUPEX_API_KEY: REAL, WUPEX_BASE_URL: SANDBOX, KIT_TARGET: 'sandbox' }, 'ok', 'key, base URL and target agree (sandbox)'],
    ['production is named as such', { WUPEX_API_KEY: REAL, WUPEX_BASE_URL: PRODUCTION }, 'ok', 'key, base URL and target agree (production: real orders; npm run example refuses it)'],
    ['a demo key on the real sandbox', { WUPEX_API_KEY: DEMO, WUPEX_BASE_URL: SANDBOX }, 'fail', `WUPEX_API_KEY (${fingerprint(DEMO)}) is a twin demo key, but WUPEX_BASE_URL is the real WUPEX sandbox: it will answer 401`],
    ['a WUPEX_MOCK_KEYS key on production', { WUPEX_API_KEY: 'my-twin-key', WUPEX_MOCK_KEYS: 'my-twin-key:SHOP', WUPEX_BASE_URL: PRODUCTION }, 'fail', `WUPEX_API_KEY (${fingerprint('my-twin-key')}) is a twin demo key, but WUPEX_BASE_URL is the real WUPEX production: it will answer 401`],
    ['KIT_TARGET=sandbox with a production URL', { WUPEX_API_KEY: REAL, WUPEX_BASE_URL: PRODUCTION, KIT_TARGET: 'sandbox' }, 'fail', 'KIT_TARGET=sandbox but WUPEX_BASE_URL is production'],
    ['KIT_TARGET=production with the sandbox URL', { WUPEX_API_KEY: REAL, WUPEX_BASE_URL: SANDBOX, KIT_TARGET: 'production' }, 'fail', 'KIT_TARGET=production but WUPEX_BASE_URL is the sandbox'],
    ['plain http off loopback', { WUPEX_API_KEY: REAL, WUPEX_BASE_URL: 'http://sandbox-service.wupex.com' }, 'fail', 'WUPEX_BASE_URL is plain http:// to sandbox-service.wupex.com: the API key would travel in clear.'],
    ['an unknown KIT_TARGET', { KIT_TARGET: 'staging' }, 'fail', 'KIT_TARGET=staging is not a target'],
    ['a real key aimed at the twin', { WUPEX_API_KEY: REAL }, 'warn', `WUPEX_API_KEY (${fingerprint(REAL)}) is not a twin key, and the target is the twin at http://127.0.0.1:4010: the twin will answer 401`],
    ['KIT_TARGET=sandbox without a key', { KIT_TARGET: 'sandbox', WUPEX_BASE_URL: SANDBOX }, 'warn', 'KIT_TARGET=sandbox but WUPEX_API_KEY is unset'],
    ['KIT_TARGET=mock with the real sandbox URL', { KIT_TARGET: 'mock', WUPEX_API_KEY: REAL, WUPEX_BASE_URL: SANDBOX }, 'warn', 'KIT_TARGET=mock (offline) but WUPEX_BASE_URL is the real sandbox'],
  ])('%s', async (_name, env, status, what) => {
    const result = await run(env);
    expect(result.status).toBe(status);
    expect(result.what).toBe(what);
    if (status !== 'ok') expect(result.fix).toBeTruthy();
    expect(JSON.stringify(result)).not.toContain(REAL);
  });

  test('several problems are listed on one line, failures first, with one fix each', async () => {
    const result = await run({ WUPEX_API_KEY: DEMO, WUPEX_BASE_URL: SANDBOX, KIT_TARGET: 'production' });
    expect(result.status).toBe('fail');
    expect(result.what.split('; ')).toHaveLength(2);
    expect(result.fix?.split('\n')).toEqual([
      'Use your sandbox key, or unset WUPEX_BASE_URL to use the twin.',
      "Make KIT_TARGET and WUPEX_BASE_URL name the same environment, with that environment's key (S2).",
    ]);
  });
});
