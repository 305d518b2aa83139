// npm run build:exe: the twin as one Node single executable, run with no Node in PATH: --help, start, answer, a scenario, admin routes, exit on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { run } from './support.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXE = join(ROOT, 'build/exe/wupex-twin');
// No Node anywhere the executable could find it: an empty PATH entry, a fresh HOME (its unpack cache), a fresh cwd.
const home = mkdtempSync(join(tmpdir(), 'wupex-exe-home-'));
const cwd = mkdtempSync(join(tmpdir(), 'wupex-exe-cwd-'));
const ENV = { PATH: '/nonexistent', HOME: home };
const KEY = 'wupex-demo-key-alpha';

beforeAll(async () => {
  // The build (dist/) exists: test:pack runs after npm ci / npm run build, as in CI.
  await run(process.execPath, [join(ROOT, 'scripts/build/build-exe.mjs')], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
}, 120_000);

/** Start the executable; resolve with its URL once it prints its listening line. */
function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(EXE, args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) done({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`wupex-twin exited (${code}) before listening:\n${output}`)));
  });
}

const balance = async (url: string) => (await (await fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': KEY, 'accept-language': 'en-US' } })).json()) as { data: { balance: number } };

describe('build/exe/wupex-twin (Node single executable, linux-x64)', () => {
  test('--help prints the twin usage and exits 0, with no Node in PATH', async () => {
    const { stdout } = await run(EXE, ['--help'], { cwd, env: ENV });
    expect(stdout).toContain('--scenario FILE');
    expect(stdout).toContain('--port N');
  });

  test('starts on a free port, answers getBalance, takes a built-in scenario by name, serves the admin routes, exits 0 on SIGTERM', async () => {
    const twin = await start(['--port', '0', '--seed', '7', '--scenario', 'low-balance']);
    // The demo balance is 5000; low-balance.json sets 5.
    expect((await balance(twin.url)).data.balance).toBe(5);
    const set = await fetch(`${twin.url}/__mock/accounts/DEMO-MERCHANT-A`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"balance":42}' });
    expect(set.status).toBe(200);
    expect((await balance(twin.url)).data.balance).toBe(42);
    const exited = new Promise<number | null>((done) => twin.child.once('exit', (code) => done(code)));
    twin.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${twin.url}/api/customer/balance`)).rejects.toThrow();
  });

  test('a bad flag value is a usage error (exit 2), as with npm run mock', async () => {
    await expect(run(EXE, ['--port', 'many'], { cwd, env: ENV })).rejects.toMatchObject({ code: 2 });
  });
});
