// Doctor check `sandbox`: a closed loopback port or an injected fetch stands in for the network; tests never leave the machine.
import { describe, expect, test } from 'vitest';
import { remoteTarget, sandboxReachable } from '../../../src/doctor/sandbox-reachable.ts';
import { outboundFetch } from '../../../src/http/outbound-fetch.ts';
import { freePort } from '../../../src/process/prism-cli.ts';
import type { Document } from '../../../src/spec/spec.ts';
import { DOC, answering, testContext } from './fixtures.ts';

/** The spec with its sandbox server moved to `url`, so the probe's real fetch goes to loopback. */
const docWithSandbox = (url: string): Document => ({
  ...DOC,
  servers: (DOC.servers ?? []).map((s) => ((s as { 'x-environment'?: string })['x-environment'] === 'sandbox' ? { ...s, url } : s)),
});

describe('sandbox', () => {
  test('--offline skips the probe', async () => {
    expect(await sandboxReachable.run(testContext({ offline: true }))).toEqual({ status: 'skip', what: '--offline: did not probe https://sandbox-service.wupex.com' });
  });

  test('any HTTP answer means reachable (401 without a key)', async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => (seen.push(request.url), answering(401)());
    expect(await sandboxReachable.run(testContext({ fetch }))).toEqual({ status: 'ok', what: 'https://sandbox-service.wupex.com answers (HTTP 401 to a balance call without a key)' });
    expect(seen).toEqual(['https://sandbox-service.wupex.com/api/customer/balance']);
  });

  test('a closed port is a clear offline warning, not a stack trace', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const result = await sandboxReachable.run(testContext({ doc: docWithSandbox(url), fetch: outboundFetch({}) }));
    expect(result).toEqual({
      status: 'warn',
      what: `offline: could not reach ${url} (connect ECONNREFUSED 127.0.0.1:${port}); the offline twin works without network: npm run mock`,
      fix: 'Check your network or proxy; for offline work use the twin (npm run mock) and npm run doctor -- --offline.',
    });
  });

  test('a timeout says how long it waited; with KIT_TARGET=sandbox it is a failure', async () => {
    const fetch = async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };
    const result = await sandboxReachable.run(testContext({ fetch, env: { KIT_TARGET: 'sandbox' } }));
    expect(result.status).toBe('fail');
    expect(result.what).toBe('offline: could not reach https://sandbox-service.wupex.com (no answer within 3000 ms); the offline twin works without network: npm run mock');
  });

  test('probes WUPEX_BASE_URL when it is remote, the spec sandbox otherwise', () => {
    expect(remoteTarget({ WUPEX_BASE_URL: 'https://gateway.example.com/wupex/' }, 'https://s')).toEqual({ url: 'https://gateway.example.com/wupex', configured: true });
    expect(remoteTarget({ WUPEX_BASE_URL: 'http://127.0.0.1:4010' }, 'https://s')).toEqual({ url: 'https://s', configured: false });
    expect(remoteTarget({}, 'https://s')).toEqual({ url: 'https://s', configured: false });
  });
});
