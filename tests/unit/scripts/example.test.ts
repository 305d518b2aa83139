// `npm run example` against the twin: the flow survives injected faults with exactly one order, and the script refuses production.
// The happy run is a subprocess (the entry's wiring); the refusal and unreachable cases call exampleMain in-process.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { maskCode, newReferenceId, resolveMerchantCode, runExampleFlow } from '../../../src/client/example-flow.ts';
import { createWupexClient } from '../../../src/client/wupex-client.ts';
import { exampleMain } from '../../../src/client/example-main.ts';
import { freePort } from '../../../src/process/prism-cli.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import { scriptEntry } from '../../support/run-script.ts';

const noSleep = async () => {};

/** Run scripts/example.ts as a subprocess with exactly the WUPEX_* variables given (no .env of the developer). */
function runExample(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WUPEX_|KIT_TARGET)/.test(k)));
  const child = spawn(process.execPath, [...scriptEntry('example')], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

/** exampleMain in-process with exactly the WUPEX_* variables given, from a temp dir (no .env of the developer). */
async function runExampleInProcess(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { env, cwd: mkdtempSync(join(tmpdir(), 'example-')), out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t) };
  const code = await exampleMain([], io);
  return { code, stdout, stderr };
}

describe('example flow on a faulty twin (faultRate 0.3, seeded)', () => {
  let twin: MockServer;
  let url: string;
  beforeAll(async () => {
    twin = await createMockServer({ faultRate: 0.3, seed: 16 });
    ({ url } = await twin.listen(0, '127.0.0.1'));
  });
  afterAll(() => twin.close());

  test('completes, and the twin holds exactly one order with that referenceId', async () => {
    const retries: Array<{ status: number; url: string }> = [];
    const built = createWupexClient({ baseUrl: url, env: {}, sleep: noSleep, onRetry: (e) => retries.push(e) });
    if (!built.ok) throw new Error(built.error.message);
    const lines: string[] = [];
    const referenceId = newReferenceId(0);
    const result = await runExampleFlow({ client: built.value, merchantCode: 'DEMO-MERCHANT-A', referenceId, say: (l) => lines.push(l) });

    expect(result).toMatchObject({ ok: true, value: { referenceId, codes: 1 } });
    // Seed 16 makes the twin fail listProducts twice and pullCodes twice (429, then 503): the order was retried, not doubled.
    expect(new Set(retries.map((r) => r.status))).toEqual(new Set([429, 503]));
    const pullRetries = retries.filter((r) => r.url.includes('/api/order/pull-codes'));
    expect(pullRetries.length).toBeGreaterThan(0);
    for (const r of pullRetries) expect(new URL(r.url).searchParams.get('referenceId')).toBe(referenceId);
    expect(lines.map((l) => l.slice(0, 3))).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(twin.store.summary().find((a) => a.merchantCode === 'DEMO-MERCHANT-A')?.orderCount).toBe(1);
    const orders = await built.value.listOrders({});
    expect(orders.ok && orders.value.data.map((o) => o.referenceId)).toEqual([referenceId]);
  });
});

describe('scripts/example.ts as a subprocess', () => {
  let twin: MockServer;
  let url: string;
  beforeAll(async () => {
    twin = await createMockServer({ seed: 3 });
    ({ url } = await twin.listen(0, '127.0.0.1'));
  });
  afterAll(() => twin.close());

  test('prints the four steps against the twin with its demo key and exits 0', { timeout: 30_000 }, async () => {
    const run = await runExample({ WUPEX_BASE_URL: url });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Target ${url}, key key#[0-9a-f]{6} \\(twin-demo-key\\), merchant DEMO-MERCHANT-A\\n1/4 listProducts: \\d+ products; ordering `));
    expect(run.stdout).toMatch(/\n2\/4 pullCodes: order \S+ for \d+\.\d\d with referenceId example-[a-z0-9]+-[0-9a-f]{8}, 1 code\(s\)\n3\/4 getOrderDetail /);
    expect(run.stdout).toMatch(/\n4\/4 getBalance: balance \d+\.\d\d, credit 0\.00, creditBalance \d+\.\d\d\nDone: order /);
  });

  test('refuses production before sending anything, and never prints the key', { timeout: 30_000 }, async () => {
    const key = 'example-prod-key-5d2a9f01c3'; // scan-secrets: allow (a deliberate fake key)
    const run = await runExampleInProcess({ WUPEX_BASE_URL: 'https://service.wupex.com', WUPEX_API_KEY: key });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[wupex-kit] PRODUCTION_REFUSED: npm run example places an order, and https://service.wupex.com (KIT_TARGET=unset) is production.');
    expect(run.stdout + run.stderr).not.toContain(key);
  });

  test('says the twin is unreachable (exit 3) when nothing listens', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const run = await runExampleInProcess({ WUPEX_BASE_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`[wupex-kit] TARGET_UNREACHABLE: Request failed (ECONNREFUSED): POST http://127.0.0.1:${port}/api/product/merchant/invited/list\n  Nothing usable answers at http://127.0.0.1:${port} on this machine`);
  });
});

describe('helpers', () => {
  test('maskCode keeps the first four characters and the separators', () => {
    expect(maskCode('ABCD-EFGH-IJKL')).toBe('ABCD-****-****');
    expect(maskCode('XYZ')).toBe('***');
  });

  test('newReferenceId fits the spec pattern and length', () => {
    const id = newReferenceId();
    expect(id).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
    expect(newReferenceId()).not.toBe(id);
  });

  test('resolveMerchantCode: an unknown key names where it came from', () => {
    const unknown = resolveMerchantCode({}, 'key#abcdef', 'WUPEX_API_KEY in /p/.env');
    expect(unknown.ok ? '' : unknown.error.message).toBe('No merchant code for this key: it is not a twin key, and WUPEX_MERCHANT_CODE is not set. The key (key#abcdef) came from WUPEX_API_KEY in /p/.env; if it is wrong or stale, fix it there.');
  });

  test('resolveMerchantCode: variable first, then the twin account owning the key', () => {
    expect(resolveMerchantCode({ WUPEX_MERCHANT_CODE: 'MINE' }, 'key#000000')).toEqual({ ok: true, value: 'MINE' });
    expect(resolveMerchantCode({}, fingerprint('wupex-demo-key-bravo'))).toEqual({ ok: true, value: 'DEMO-MERCHANT-B' });
    expect(resolveMerchantCode({ WUPEX_MOCK_KEYS: 'k-1:SHOP-1, other' }, fingerprint('k-1'))).toEqual({ ok: true, value: 'SHOP-1' });
    expect(resolveMerchantCode({}, fingerprint('unknown'))).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
  });
});
