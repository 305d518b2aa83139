// Doctor check `key`: the key is tried with one balance call; a 401 is a FAIL in verify's words; the key never leaks.
import { describe, expect, test } from 'vitest';
import { KEY_REJECTED_MESSAGE, keyAccepted } from '../../../src/doctor/key-accepted.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import { answering, testContext } from './fixtures.ts';

const KEY = ['wupex', 'doctor', 'key', 'Zq81'].join('-');
const SANDBOX = 'https://sandbox-service.wupex.com';

describe('key', () => {
  test('a key the sandbox rejects (401) is a problem, said the way verify says it', async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => (seen.push(`${request.url} ${request.headers.get('x-api-key') === KEY}`), answering(401, { status: false, error: { code: 'UNAUTHORIZED', message: 'no' } })());
    const result = await keyAccepted.run(testContext({ env: { WUPEX_API_KEY: KEY }, fetch }));
    expect(result).toEqual({
      status: 'fail',
      what: `${KEY_REJECTED_MESSAGE} (${fingerprint(KEY)} at ${SANDBOX})`,
      fix: 'Use the key of this environment (sandbox keys: https://sandbox-portal.wupex.com/), or point WUPEX_BASE_URL at the environment the key belongs to.',
    });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(seen).toEqual([`${SANDBOX}/api/customer/balance true`]);
  });

  test('an accepted key is ok; no key, offline, or a demo key aimed at a real host send nothing', async () => {
    expect(await keyAccepted.run(testContext({ env: { WUPEX_API_KEY: KEY }, fetch: answering(200) }))).toEqual({ status: 'ok', what: `${SANDBOX} accepts WUPEX_API_KEY (${fingerprint(KEY)})` });
    expect((await keyAccepted.run(testContext())).status).toBe('skip');
    expect(await keyAccepted.run(testContext({ env: { WUPEX_API_KEY: KEY }, offline: true }))).toEqual({ status: 'skip', what: `--offline: did not try the key on ${SANDBOX}` });
    expect(await keyAccepted.run(testContext({ env: { WUPEX_API_KEY: 'wupex-demo-key-alpha' } }))).toEqual({ status: 'skip', what: `WUPEX_API_KEY is a twin demo key: not sent to ${SANDBOX}` });
  });
});
