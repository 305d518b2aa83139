import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scriptEntry } from '../../support/run-script.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
// One node process with the tsx loader (the tsx CLI would start a second one).
const CANARY = 'zz-script-canary-a1b2c3d4';
/** Explicit values, so a developer's .env (faults, latency) cannot change what these tests see. */
const QUIET = { WUPEX_API_KEY: 'unused-in-this-test', WUPEX_MOCK_FAULT_RATE: '0', WUPEX_MOCK_RATE_LIMIT: '0', WUPEX_MOCK_LATENCY_MS: '0', WUPEX_MOCK_HOST: '127.0.0.1' };

function run(args: string[], env: Record<string, string>, onOutput?: (text: string, child: ReturnType<typeof spawn>) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [...scriptEntry('mock'), ...args], { cwd: ROOT, env: { ...process.env, ...QUIET, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      onOutput?.(stdout, child);
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onOutput?.(stdout + stderr, child);
    });
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run mock', () => {
  test('a bad flag exits 2 listing the valid flags', async () => {
    const { code, stderr } = await run(['--bogus'], {});
    expect(code).toBe(2);
    expect(stderr).toContain("[wupex-kit] USAGE: Unknown option '--bogus'\n  Usage: npm run mock -- [flags]");
  });

  test('an invalid WUPEX_MOCK_FAULT_RATE exits 2 with a clear message', async () => {
    const { code, stderr } = await run([], { WUPEX_MOCK_FAULT_RATE: 'often' });
    expect(code).toBe(2);
    expect(stderr).toContain("WUPEX_MOCK_FAULT_RATE must be a number from 0 to 1; received 'often'.");
  });

  test('--decisions with an invalid entry refuses to start (exit 2), naming the entry and what is allowed', async () => {
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'wupex-mock-decisions-')), 'decisions.yaml');
    const kitText = readFileSync(resolve(ROOT, 'openapi/decisions.yaml'), 'utf8');
    const broken = kitText.replace(/retryAfter: \{ send: (true|false) \}/, 'retryAfter: { send: sometimes }');
    expect(broken, 'the mutation must hit (openapi/decisions.yaml lost its retryAfter line?)').not.toBe(kitText);
    writeFileSync(file, broken);
    const { code, stderr } = await run(['--port', '0', '--decisions', file], {});
    expect(code).toBe(2);
    expect(stderr).toContain(`DECISIONS_INVALID: ${file}: retryAfter.send: received "sometimes"; allowed: true, false.`);
    expect(stderr).toContain('Fix the decisions entry named');
  });

  test('serves on port 0, logs the request by fingerprint, never prints the key, stops on SIGINT', async () => {
    let asked = false;
    let status = 0;
    const { code, stdout, stderr } = await run(['--port', '0'], { WUPEX_MOCK_KEYS: `${CANARY}:CANARY-SHOP` }, (text, child) => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      if (!url || asked) return;
      asked = true;
      void fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': CANARY, 'accept-language': 'en-US' } }).then((r) => {
        status = r.status;
        setTimeout(() => child.kill('SIGINT'), 50);
      });
    });
    expect(status).toBe(200);
    expect(code).toBe(0);
    expect(stdout).toMatch(/GET \/api\/customer\/balance 200 \d+\.\dms key#[0-9a-f]{6}/);
    expect(stdout).toContain('curl -s -H "x-api-key: $KEY"');
    expect(`${stdout}${stderr}`).not.toContain('zz-script-canary');
  });
});
