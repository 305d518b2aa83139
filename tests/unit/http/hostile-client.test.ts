// The typed client and the example's flow against every hostile server, in-process: error values only, never the key.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runExampleFlow } from '../../../src/client/example-flow.ts';
import { createWupexClient } from '../../../src/client/wupex-client.ts';
import { createReporter } from '../../../src/cli/flags.ts';
import { TRANSPORT_ERROR_CODES } from '../../../src/http/outbound.ts';
import { distinctiveKey, keyRunsIn, startHostile, startSecondOrigin, watchRss, type Attack, type Listening, type SecondOrigin } from '../../support/hostile-servers.ts';

const KEY = distinctiveKey();
const LIMITS = { headersTimeoutMs: 800, deadlineMs: 1200, maxResponseBytes: 1024 * 1024 };
const MB = 1024 * 1024;
const ATTACKS = ['redirect-origin', 'redirect-insecure', 'echo-key', 'echo-envelope', 'ansi', 'stall', 'trickle', 'big-body', 'endless', 'gzip-bomb', 'no-page-info'] as const satisfies readonly Attack[];

/** What the client returns (listProducts) and the example reports, per attack. */
const EXPECTED: Record<(typeof ATTACKS)[number], { client: string; example: string }> = {
  'redirect-origin': { client: 'REDIRECT_REFUSED', example: 'REDIRECT_REFUSED' },
  'redirect-insecure': { client: 'REDIRECT_REFUSED', example: 'REDIRECT_REFUSED' },
  'echo-key': { client: 'UNEXPECTED_RESPONSE', example: 'UNEXPECTED_RESPONSE' },
  'echo-envelope': { client: 'UNAUTHORIZED', example: 'UNAUTHORIZED' },
  ansi: { client: 'UNEXPECTED_RESPONSE', example: 'UNEXPECTED_RESPONSE' },
  stall: { client: 'TARGET_TIMEOUT', example: 'TARGET_TIMEOUT' },
  trickle: { client: 'TARGET_TIMEOUT', example: 'TARGET_TIMEOUT' },
  'big-body': { client: 'RESPONSE_TOO_LARGE', example: 'RESPONSE_TOO_LARGE' },
  endless: { client: 'RESPONSE_TOO_LARGE', example: 'RESPONSE_TOO_LARGE' },
  'gzip-bomb': { client: 'RESPONSE_TOO_LARGE', example: 'RESPONSE_TOO_LARGE' },
  'no-page-info': { client: 'ok', example: 'UNEXPECTED_RESPONSE' },
};

// The two concurrent groups are adjacent, so vitest runs them together: one deadline of waiting, not two.
describe('the client and the example flow against hostile servers', () => {
  let second: SecondOrigin;
  const servers = new Map<Attack, Listening>();
  beforeAll(async () => {
    second = await startSecondOrigin();
    for (const attack of ATTACKS) servers.set(attack, await startHostile({ attacks: { '*': attack }, second }));
  });
  afterAll(async () => {
    await Promise.all([...servers.values()].map((s) => s.close()));
    await second.close();
  });
  const client = (attack: Attack) => {
    const built = createWupexClient({ baseUrl: servers.get(attack)?.url, apiKey: KEY, retry: false, env: {}, ...LIMITS });
    if (!built.ok) throw new Error(built.error.message);
    return built.value;
  };

  test.concurrent.each(ATTACKS)('%s: the client returns the documented error value, redacted and clean, within its deadline', async (attack) => {
    const started = Date.now();
    const rss = watchRss();
    const result = await client(attack).listProducts({ page: 1 });
    expect(rss.stop()).toBeLessThan(300 * MB);
    expect(Date.now() - started).toBeLessThan(LIMITS.deadlineMs + 5000);
    expect(result.ok ? 'ok' : result.error.code).toBe(EXPECTED[attack].client);
    const text = JSON.stringify(result);
    expect(keyRunsIn(text, KEY)).toEqual([]);
    expect(result.ok ? '' : `${result.error.message}${result.error.vendor?.message ?? ''}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  test.concurrent.each(ATTACKS)('%s: the example flow ends with a clear error, printed without the key or escapes', async (attack) => {
    const out: string[] = [];
    const reporter = createReporter({ secrets: [KEY], out: (t) => out.push(t), err: (t) => out.push(t) });
    const result = await runExampleFlow({ client: client(attack), merchantCode: 'DEMO-MERCHANT-A', referenceId: 'hostile-1', say: reporter.line });
    if (!result.ok) reporter.error(result.error);
    expect(result.ok ? 'ok' : result.error.code).toBe(EXPECTED[attack].example);
    const printed = out.join('');
    expect(keyRunsIn(printed, KEY)).toEqual([]);
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  test('a redirect names only where it pointed, and says the kit does not follow it', async () => {
    const result = await client('redirect-insecure').getBalance();
    expect(result.ok ? undefined : result.error.message).toBe(
      `GET ${servers.get('redirect-insecure')?.url}/api/customer/balance answered 302: the server redirected to http://wupex-probe.invalid; the kit does not follow redirects with your key.`,
    );
  });

  test('an echoed key straddling character 120 is redacted before the cut (error message and vendor.message)', async () => {
    const echoed = await client('echo-key').getBalance();
    expect(echoed.ok ? undefined : echoed.error.message).toContain(`without the WUPEX error envelope: ${'x'.repeat(110)}[REDACTED]`);
    const envelope = await client('echo-envelope').getBalance();
    expect(envelope.ok ? undefined : envelope.error.vendor?.message).toBe(`${'x'.repeat(110)}[REDACTED] is not valid`);
  });

  test('the second origin never received anything, let alone the key', () => {
    expect(second.received).toEqual([]);
  });

  test.each(['https://service.wupex.com.', 'https://service.wupex.com%2E', 'https://SERVICE.WUPEX.COM'])('the client refuses production spelled %s unless allowProduction', (baseUrl) => {
    expect(createWupexClient({ baseUrl, apiKey: KEY, env: {} })).toMatchObject({ ok: false, error: { code: 'PRODUCTION_REFUSED' } });
    expect(createWupexClient({ baseUrl, apiKey: KEY, env: {}, allowProduction: true }).ok).toBe(true);
  });

  test('transport failures are the ones scripts exit 3 for', () => {
    expect(TRANSPORT_ERROR_CODES).toEqual(['TARGET_UNREACHABLE', 'TARGET_TIMEOUT', 'RESPONSE_TOO_LARGE', 'RESPONSE_UNREADABLE']);
  });
});
