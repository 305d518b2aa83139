// npm run verify: exact lines and exit codes against port-0 servers (the twin, broken twins, an echo server). Most cases call
// verifyMain in-process (same argv, env, output text and exit code); two run scripts/verify.ts as a subprocess for the entry wiring.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer } from '../../../mocks/server.ts';
import { freePort } from '../../../src/process/prism-cli.ts';
import { verifyMain } from '../../../src/contract/verify/main.ts';
import { BROKEN_SERVERS } from '../../support/broken-servers.ts';
import { runScript } from '../../support/run-script.ts';
import { serveFetch } from '../../support/serve-fetch.ts';
import { skipsBySpec } from '../../support/test.ts';
import { kitCode } from '../../support/decided.ts';

const DISTINCTIVE = 'wupex-test-key-Q7zX-DISTINCTIVE-51d0';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run verify in-process with a clean environment (no inherited WUPEX_* and no .env from the repo: cwd is a temp dir). */
async function verify(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'verify-'));
  let stdout = '';
  let stderr = '';
  const io = { env, cwd, tty: false, out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t) };
  const code = await verifyMain(args, io);
  return { code, stdout, stderr };
}

/** Run scripts/verify.ts as a subprocess (one node process with the tsx loader) with a clean environment (as above). */
const verifyProcess = (args: string[], env: Record<string, string> = {}): Promise<Run> => runScript('verify', args, env);

/** The count line ("N passed, N failed, N skipped"); the two closing sections follow it. */
const countOf = (text: string) => text.split('\n').find((l) => /^\d+ passed, /.test(l));

// Each test has its own twin (orders on one account would otherwise race), so the subprocesses can run concurrently.
describe.concurrent('npm run verify', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });
  /** A fresh twin (with the distinctive key as an extra account), optionally wrapped, served on 127.0.0.1 port 0. */
  const serve = async (wrap: (twin: (r: Request) => Promise<Response>) => (r: Request) => Promise<Response> = (f) => f) => {
    const twin = await createMockServer({ accounts: [...DEMO_ACCOUNTS, { key: DISTINCTIVE, merchantCode: 'DEMO-MERCHANT-A' }] });
    const served = await serveFetch(wrap((r) => twin.fetch(r)));
    opened.push(served, twin);
    return served.url;
  };

  test('against a twin on a loopback base URL it exits 0 with no failure', async () => {
    const url = await serve();
    const run = await verify(['--base-url', url, '--runs', '1'], { WUPEX_API_KEY: DEMO_ACCOUNTS[0].key, WUPEX_API_KEY_2: DEMO_ACCOUNTS[1].key });
    expect(run.stdout).toContain('PASS auth.missing-key GET /api/customer/balance\n');
    expect(run.stdout).toContain('PASS semantics.order-round-trip POST /api/order/pull-codes\n');
    expect(run.stdout).toContain('PASS isolation.other-account GET /api/order/detail\n');
    expect(countOf(run.stdout)).toMatch(new RegExp(`^\\d+ passed, 0 failed, ${skipsBySpec().length} skipped$`));
    expect(run.stdout).toMatch(/\nWhere the target differs from our decisions\n {2}none\n\nWhere the target breaks the documented contract\n {2}none\n$/);
    expect(run.code).toBe(0);
  });

  test('a key from .env that the target rejects: exit 2, and the message names the .env file it came from', async () => {
    const url = await serve();
    const cwd = mkdtempSync(join(tmpdir(), 'verify-dotenv-'));
    writeFileSync(join(cwd, '.env'), 'WUPEX_API_KEY=Zq81Stale0042WrongKey\n');
    let stderr = '';
    const code = await verifyMain(['--base-url', url], { env: {}, cwd, tty: false, out: () => undefined, err: (t) => void (stderr += t) });
    expect(stderr).toContain(`The key came from WUPEX_API_KEY in ${join(cwd, '.env')}.`);
    expect(code).toBe(2);
  });

  test('started through the wupex-verify bin, its hints name npx wupex-* commands', async () => {
    const port = await freePort();
    const run = await verify(['--base-url', `http://127.0.0.1:${port}`, '--wait', '0'], { WUPEX_KIT_BIN: 'wupex-verify', WUPEX_API_KEY: DEMO_ACCOUNTS[0].key });
    expect(run.stderr).toContain(`npx wupex-mock --port ${port}`);
    expect(run.stderr).not.toContain('npm run');
    expect(run.code).toBe(3);
  });

  test('against a server that ignores a missing key it exits 1 and names the check and operation', async () => {
    const url = await serve(BROKEN_SERVERS['ignores-missing-key'].wrap);
    const run = await verify(['--base-url', url, '--check', 'auth.missing-key'], { WUPEX_API_KEY: DEMO_ACCOUNTS[0].key });
    expect(run.stdout).toContain(
      `FAIL auth.missing-key GET /api/customer/balance\n    GET /api/customer/balance: a request without x-api-key was accepted (HTTP 200); the spec documents 401 ${kitCode(401)}.\n`,
    );
    expect(run.stdout).toContain(`    curl -sS -X GET '${url}/api/customer/balance' -H 'accept-language: en-US'\n`);
    expect(countOf(run.stdout)).toBe('0 passed, 5 failed, 0 skipped');
    expect(run.stdout).toContain('\nChecks run (--check): auth.missing-key\n');
    const contract = run.stdout.slice(run.stdout.indexOf('\nWhere the target breaks the documented contract\n'));
    expect(contract).toContain(`\n  critical auth.missing-key: GET /api/customer/balance: a request without x-api-key was accepted (HTTP 200); the spec documents 401 ${kitCode(401)}. [S2, S3, S8, S9]\n`);
    expect(run.code).toBe(1);
  });

  test('a server that echoes the key fails hygiene.key-not-echoed, yet the key is in no output and no JUnit file', async () => {
    const url = await serve((twin) => async (r) => {
      const response = await BROKEN_SERVERS['echoes-key'].wrap(twin)(r);
      const body = (await response.text()).replace(/^\{/, `{"yourKey":"${r.headers.get('x-api-key') ?? ''}",`);
      return new Response(body, { status: response.status, headers: response.headers });
    });
    const junit = join(mkdtempSync(join(tmpdir(), 'junit-')), 'report.xml');
    const run = await verify(['--base-url', url, '--runs', '1', '--report', `junit=${junit}`], { WUPEX_API_KEY: DISTINCTIVE });
    expect(run.stdout).toContain('FAIL hygiene.key-not-echoed GET /api/customer/balance\n');
    expect(run.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testcase classname="hygiene.key-not-echoed" name="GET /api/customer/balance">');
    for (const text of [run.stdout, run.stderr, xml]) expect(text).not.toContain(DISTINCTIVE);
  });

  test('(subprocess) plain http to a non-loopback host exits 2 before sending anything', async () => {
    const run = await verifyProcess(['--base-url', 'http://example.com'], { WUPEX_API_KEY: DISTINCTIVE });
    expect(run.stderr).toBe(
      '[wupex-kit] CONFIG_INVALID: Refusing to send the API key to http://example.com: plain http is allowed only to loopback (127.0.0.1, localhost, ::1).\n  Use https://, or run the target on this machine.\n',
    );
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  test('a key passed as an argument is refused (exit 2) and never printed', async () => {
    const run = await verify(['--api-key', DISTINCTIVE]);
    expect(run.stderr).toBe(
      '[wupex-kit] USAGE: The API key is never passed as an argument.\n  Set WUPEX_API_KEY in the environment (or in .env, which git ignores) and run again without --api-key/--key.\n',
    );
    expect(run.code).toBe(2);
  });

  test('an unknown target lists the valid values (exit 2)', async () => {
    const run = await verify(['--target', 'staging']);
    expect(run.stderr).toBe('[wupex-kit] CONFIG_INVALID: Unknown --target "staging".\n  Valid values: mock, prism, sandbox, production.\n');
    expect(run.code).toBe(2);
  });

  test('(subprocess) a loopback port that never opens exits 3 after --wait, saying to start the twin (not blaming the network), and still writes both reports', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'reports-'));
    const run = await verifyProcess(['--base-url', `http://127.0.0.1:${port}`, '--wait', '300', '--report', `junit=${dir}/r.xml`, '--report', `json=${dir}/r.json`], { WUPEX_API_KEY: DISTINCTIVE });
    expect(run.stderr).toContain(
      `[wupex-kit] TARGET_UNREACHABLE: Nothing is listening on 127.0.0.1:${port} (waited 300 ms): http://127.0.0.1:${port}\n` +
        `  Start the twin first (npm run mock -- --port ${port}), or drop --base-url to verify the twin in-process.\n`,
    );
    expect(run.stderr).not.toContain('VPN');
    expect(run.code).toBe(3);
    const xml = readFileSync(join(dir, 'r.xml'), 'utf8');
    expect(xml).toContain('tests="1" failures="1"');
    expect(xml).toContain('<testcase classname="verify.preflight" name="GET /api/customer/balance">');
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.summary).toEqual({ passed: 0, failed: 1, skipped: 0, unavailable: 0 });
    expect(json.stopped.code).toBe('TARGET_UNREACHABLE');
    expect(json.findings[0].message).toContain('Nothing is listening');
    for (const text of [run.stdout, run.stderr, xml, JSON.stringify(json)]) expect(text).not.toContain(DISTINCTIVE);
  });
});
