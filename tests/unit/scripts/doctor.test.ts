// `npm run doctor -- --offline`: with and without a key, one line per check, the key never printed. The keyless run is a
// subprocess (the entry's wiring and exit code); the others call doctorMain in-process with the same environment.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { createDoctorContext } from '../../../src/doctor/doctor-context.ts';
import { doctorMain } from '../../../src/doctor/main.ts';
import { freePort } from '../../../src/process/prism-cli.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import { scriptEntry } from '../../support/run-script.ts';

const KEY = 'doctor-cli-key-e83b0d5a7f'; // scan-secrets: allow (a deliberate fake key)

/** Run scripts/doctor.ts with exactly these WUPEX_* variables; empty values override any developer .env. */
function doctor(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WUPEX_|KIT_TARGET)/.test(k)));
  const vars = { WUPEX_API_KEY: '', WUPEX_BASE_URL: '', KIT_TARGET: '', WUPEX_MOCK_KEYS: '', ...env };
  const child = spawn(process.execPath, [...scriptEntry('doctor'), ...args], { env: { ...clean, ...vars }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

/** doctorMain in-process with exactly these WUPEX_* variables (no .env); `specLint: false` stands in an ok lint for a test that
 *  asserts nothing about it (the keyless subprocess run proves the real spec-lint line). */
async function doctorInProcess(args: string[], env: Record<string, string>, specLint = true) {
  const real = createDoctorContext({ env });
  const context = specLint ? real : { ...real, runSpecLint: () => Promise.resolve({ code: 0, output: '' }) };
  let stdout = '';
  let stderr = '';
  const code = await doctorMain(args, context, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** Status and id of each check line, ignoring the fix lines and the summary. */
const statuses = (stdout: string) =>
  stdout.split('\n').filter((l) => /^(ok|warn|FAIL|skip) /.test(l)).map((l) => l.replace(/^(\S+)\s+([a-z-]+):.*$/, '$1 $2'));

describe.concurrent('doctor --offline', () => {
  let closed: string;
  beforeAll(async () => {
    closed = `http://127.0.0.1:${await freePort()}`;
  });

  test('without a key: warnings only, exit 0', { timeout: 60_000 }, async () => {
    const run = await doctor(['--offline'], { WUPEX_BASE_URL: closed });
    expect(statuses(run.stdout)).toEqual([
      'ok node', 'ok npm', 'ok dependencies', 'ok spec-lint', 'warn environment', 'ok target-pairing', 'skip sandbox', 'skip key', 'warn twin',
    ]);
    expect(run.stdout).toContain(`warn twin: no twin at ${closed} (connect ECONNREFUSED`);
    expect(run.stdout).toContain('     fix: Start it in another terminal: npm run mock');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('No problems, 2 warning(s).');
    expect(run.code).toBe(0);
  });

  test('with a key on plain http off loopback: FAIL, exit 1, and the key shows only as its fingerprint', { timeout: 60_000 }, async () => {
    const run = await doctorInProcess(['--offline'], { WUPEX_API_KEY: KEY, WUPEX_BASE_URL: 'http://sandbox-service.wupex.com' }, false);
    expect(run.stdout).toContain(`ok   environment: WUPEX_API_KEY set (${fingerprint(KEY)}); WUPEX_BASE_URL = http://sandbox-service.wupex.com`);
    expect(run.stdout).toContain('FAIL target-pairing: WUPEX_BASE_URL is plain http:// to sandbox-service.wupex.com: the API key would travel in clear.');
    expect(run.stdout).toContain('skip sandbox: --offline: did not probe https://sandbox-service.wupex.com');
    expect(run.stdout + run.stderr).not.toContain(KEY);
    expect(run.code).toBe(1);
  });

  test('an unknown flag is a usage error listing the valid ones', { timeout: 60_000 }, async () => {
    const run = await doctorInProcess(['--bogus'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("[wupex-kit] USAGE: Unknown option '--bogus'\n  Valid flags: --offline, --help.\n");
  });
});
