// verify and example as subprocesses against hostile servers: documented exit codes, bounded time and memory, no key.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useHostileTwin } from '../../support/hostile-harness.ts';
import { distinctiveKey, keyRunsIn, overdue, type HostileServer } from '../../support/hostile-servers.ts';
import { runScript, type ScriptRun } from '../../support/run-script.ts';

const KEY = distinctiveKey();
const DEADLINE_MS = 1000;
const LIMIT_FLAGS = ['--timeout', '800', '--deadline', String(DEADLINE_MS), '--max-response-bytes', String(1024 * 1024)];
const MB = 1024 * 1024;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;


/** What every run must hold: no 8 characters of the key anywhere it wrote, no escapes, bounded memory and time. */
function expectContained(run: ScriptRun, server: HostileServer, extra = '') {
  expect(keyRunsIn(run.stdout + run.stderr + extra, KEY)).toEqual([]);
  expect(run.stdout + run.stderr + extra).not.toMatch(CONTROL);
  expect(run.maxRssBytes).toBeLessThan(300 * MB);
  // Every request, attacked or not, ended within the deadline + 5 s (timed by the server: start-up on a loaded machine is not a request).
  expect(server.log().length).toBeGreaterThan(0);
  expect(overdue(server, DEADLINE_MS + 5000)).toEqual([]);
}

// Few and concurrent: each subprocess costs a second or more of start-up; everything else runs in-process.
describe.concurrent('verify and example against hostile servers (subprocesses)', { timeout: 60_000 }, () => {
  const { hostile } = useHostileTwin(KEY);

  test('verify: a stall, a gzip bomb and a 50 MB body exit 3, with the summary printed and the JUnit file written', async () => {
    // getBalance is left to the twin: verify's first call checks the key, and a 401 there is exit 2 by design.
    const server = await hostile({ '/api/order/list': 'stall', '/api/order/detail': 'gzip-bomb', '/api/order/pull-codes': 'big-body' });
    const run = await runScript('verify', ['--base-url', server.url, '--runs', '1', ...LIMIT_FLAGS, '--report', 'junit=report.xml', '--report', 'json=report.json'], { WUPEX_API_KEY: KEY });
    const junit = join(run.cwd, 'report.xml');
    const json = join(run.cwd, 'report.json');
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ skipped$/m);
    expect(existsSync(junit) && readFileSync(junit, 'utf8')).toContain('<testsuites');
    expect(run.stderr).toMatch(/(RESPONSE_TOO_LARGE|TARGET_TIMEOUT): /);
    expect(existsSync(json)).toBe(true);
    expectContained(run, server, readFileSync(junit, 'utf8') + readFileSync(json, 'utf8'));
  });

  test('example: a stall after the headers exits 3 within the deadline', async () => {
    const server = await hostile({ '*': 'stall' });
    const run = await runScript('example', LIMIT_FLAGS, { WUPEX_API_KEY: KEY, WUPEX_BASE_URL: server.url, WUPEX_MERCHANT_CODE: 'DEMO-MERCHANT-A' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`TARGET_TIMEOUT: No complete answer within the ${DEADLINE_MS} ms deadline: POST ${server.url}/api/product/merchant/invited/list.`);
    expectContained(run, server);
  });
});
