import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { displayUrl, parseMockCliOptions } from '../../../mocks/cli-options.ts';

describe('parseMockCliOptions', () => {
  test('defaults: 127.0.0.1:4010, no faults, a fresh seed per start (undefined), the demo accounts', () => {
    expect(parseMockCliOptions([], {})).toEqual({
      ok: true,
      value: { port: 4010, host: '127.0.0.1', faultRate: 0, rateLimit: 0, latencyMs: 0, seed: undefined, scenario: undefined, spec: undefined, decisions: undefined, watch: false, accounts: [...DEMO_ACCOUNTS], demoAccounts: true, validateResponses: false, help: false },
    });
  });

  test('--validate-responses or WUPEX_MOCK_VALIDATE_RESPONSES=1 turns on response validation', () => {
    expect(parseMockCliOptions(['--validate-responses'], {})).toMatchObject({ ok: true, value: { validateResponses: true } });
    expect(parseMockCliOptions([], { WUPEX_MOCK_VALIDATE_RESPONSES: '1' })).toMatchObject({ ok: true, value: { validateResponses: true } });
  });

  test('environment variables configure every option and flags win over them', () => {
    const env = { WUPEX_MOCK_PORT: '5000', WUPEX_MOCK_HOST: '127.0.0.2', WUPEX_MOCK_FAULT_RATE: '0.2', WUPEX_MOCK_RATE_LIMIT: '5', WUPEX_MOCK_LATENCY_MS: '30', WUPEX_MOCK_SEED: '9' };
    const parsed = parseMockCliOptions(['--port', '6000', '--fault-rate', '0.5'], env);
    expect(parsed.ok && parsed.value).toMatchObject({ port: 6000, host: '127.0.0.2', faultRate: 0.5, rateLimit: 5, latencyMs: 30, seed: 9 });
  });

  test('--decisions FILE (or WUPEX_MOCK_DECISIONS) names another decisions profile; the flag wins', () => {
    expect(parseMockCliOptions(['--decisions', 'mine.yaml'], { WUPEX_MOCK_DECISIONS: 'env.yaml' })).toMatchObject({ ok: true, value: { decisions: 'mine.yaml' } });
    expect(parseMockCliOptions([], { WUPEX_MOCK_DECISIONS: 'env.yaml' })).toMatchObject({ ok: true, value: { decisions: 'env.yaml' } });
  });

  test('WUPEX_MOCK_KEYS replaces the demo accounts', () => {
    const parsed = parseMockCliOptions([], { WUPEX_MOCK_KEYS: 'custom-key-123:SHOP' });
    expect(parsed.ok && parsed.value).toMatchObject({ accounts: [{ key: 'custom-key-123', merchantCode: 'SHOP' }], demoAccounts: false });
  });

  test.each([
    [['--fault-rate', '1.5'], {}, "--fault-rate must be a number from 0 to 1; received '1.5'."],
    [['--port', 'abc'], {}, "--port must be an integer from 0 to 65535; received 'abc'."],
    [[], { WUPEX_MOCK_LATENCY_MS: '-1' }, "WUPEX_MOCK_LATENCY_MS must be an integer from 0 to 60000; received '-1'."],
    [['--rate-limit', '2.5'], {}, "--rate-limit must be an integer from 0 to 1000000; received '2.5'."],
    [['--nope'], {}, "Unknown option '--nope'"],
  ])('%j %j is a usage error: %s', (argv, env, message) => {
    const parsed = parseMockCliOptions(argv, env);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('USAGE');
      expect(parsed.error.message).toBe(message);
      expect(parsed.error.hint).toContain('--rate-limit N');
    }
  });
});

describe('displayUrl', () => {
  test.each([
    ['0.0.0.0', 'http://0.0.0.0:4010', 'http://127.0.0.1:4010'],
    ['::', 'http://[::]:4010', 'http://127.0.0.1:4010'],
    ['127.0.0.1', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['192.168.1.5', 'http://192.168.1.5:4010', 'http://192.168.1.5:4010'],
  ])('bound to %s it prints a URL a client can call', (host, url, shown) => {
    expect(displayUrl(host, { url, port: 4010 })).toBe(shown);
  });
});
