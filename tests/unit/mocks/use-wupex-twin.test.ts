// useWupexTwin in a vitest file without passing hooks: a twin on a free port, reset between tests, fields refused before start.
import { describe, expect, test } from 'vitest';
import { useWupexTwin } from '../../../mocks/use-wupex-twin.ts';

const twin = useWupexTwin({ seed: 5 });

const balance = async () => {
  const response = await fetch(`${twin.baseUrl}/api/customer/balance`, { headers: { 'x-api-key': twin.key, 'accept-language': 'en-US' } });
  return ((await response.json()) as { data: { balance: number } }).data.balance;
};

describe('useWupexTwin', () => {
  test('serves the demo accounts on a free loopback port; a test may change the state', async () => {
    expect(twin.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(twin.baseUrl).not.toBe('http://127.0.0.1:4010');
    expect(twin.merchantCodes).toEqual(['DEMO-MERCHANT-A', 'DEMO-MERCHANT-B']);
    twin.store.accountByMerchant('DEMO-MERCHANT-A')!.balance = 1;
    expect(await balance()).toBe(1);
  });

  test('the next test starts from the fixtures again', async () => {
    expect(await balance()).toBe(5000);
  });
});

test('reading a field before beforeAll has run says so', () => {
  const hooks = { beforeAll: () => undefined, afterEach: () => undefined, afterAll: () => undefined };
  expect(() => useWupexTwin({ hooks }).baseUrl).toThrow(/^\[wupex-kit\] TWIN_NOT_STARTED/);
});

describe('startWupexTwin options', () => {
  test('twin.key / twin.merchantCode are the first account; port picks the port', async () => {
    const { startWupexTwin } = await import('../../../mocks/use-wupex-twin.ts');
    const { freePort } = await import('../../../src/process/prism-cli.ts');
    const port = await freePort();
    const fixed = await startWupexTwin({ port });
    try {
      expect(fixed.baseUrl).toBe(`http://127.0.0.1:${port}`);
      const key: string = fixed.key;
      expect([key, fixed.merchantCode]).toEqual([fixed.keys[0], 'DEMO-MERCHANT-A']);
    } finally {
      await fixed.close();
    }
  });
});

describe('startWupexTwin { decisions }', () => {
  test('passes through to the twin: a decisions file path, read at start', async () => {
    const { startWupexTwin } = await import('../../../mocks/use-wupex-twin.ts');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { DECISIONS_PATH } = await import('../../../src/spec/decisions.ts');
    const file = join(mkdtempSync(join(tmpdir(), 'wupex-twin-decisions-')), 'decisions.yaml');
    writeFileSync(file, readFileSync(DECISIONS_PATH, 'utf8').replace('retryAfter: { send: true }', 'retryAfter: { send: false }'));
    const twin = await startWupexTwin({ decisions: file });
    try {
      const limited = await fetch(`${twin.baseUrl}/api/customer/balance`, { headers: { 'x-api-key': twin.key, 'accept-language': 'en-US', prefer: 'code=429' } });
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, null]);
    } finally {
      await twin.close();
    }
  });
});
