// verify's library path (resolveTarget → runCatalogue → lines and JUnit through the reporter) against hostile servers, in-process.
import { describe, expect, test } from 'vitest';
import { createReporter } from '../../../src/cli/flags.ts';
import { normaliseText } from '../../../src/secrets/redact.ts';
import { toJUnit } from '../../../src/contract/report/junit.ts';
import { countLine, formatLines, junitCases } from '../../../src/contract/report/format.ts';
import { runCatalogue } from '../../../src/contract/run-catalogue.ts';
import { useHostileTwin } from '../../support/hostile-harness.ts';
import { distinctiveKey, keyRunsIn, overdue, watchRss, type Attack } from '../../support/hostile-servers.ts';
import { specDeclaringRetryAfter } from '../../support/retry-after-spec.ts';
import type { SpecIndex } from '../../../src/contract/checks/lib/spec-index.ts';
import { resolveTarget } from '../../../src/contract/targets/resolve-target.ts';
import { proposeFrom, writeProposal } from '../../../src/contract/propose/write-proposal.ts';
import { checkDecisions, kitDecisions } from '../../../src/spec/decisions.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = distinctiveKey();
const LIMITS = { timeoutMs: 800, deadlineMs: 1000, maxResponseBytes: 1024 * 1024 };
const MB = 1024 * 1024;

describe('verify against hostile servers (in-process)', () => {
  const { hostile, second } = useHostileTwin(KEY);

  /** resolveTarget + runCatalogue + the printed lines and the JUnit text, all through one reporter, as scripts/verify.ts does. */
  /** `spec`: the spec to judge by (default the kit's). */
  async function verify(attacks: Record<string, Attack>, spec?: SpecIndex) {
    const server = await hostile(attacks);
    const resolved = await resolveTarget({ baseUrl: server.url, limits: LIMITS, env: { WUPEX_API_KEY: KEY, WUPEX_MERCHANT_CODE: 'DEMO-MERCHANT-A' } });
    if (!resolved.ok) throw new Error(resolved.error.message);
    const written: string[] = [];
    const reporter = createReporter({ secrets: [KEY], out: (t) => written.push(t), err: (t) => written.push(t) });
    const rss = watchRss();
    const report = await runCatalogue({ target: resolved.value, runs: 1, spec, transient: { sleep: async () => {} } });
    const growth = rss.stop();
    for (const line of formatLines(report)) reporter.line(line);
    reporter.line(countLine(report.counts));
    if (report.transportError) reporter.error(report.transportError);
    const junit = toJUnit('hostile', junitCases(report), reporter.redact);
    return { report, output: written.join('') + junit, growth, server };
  }

  test('a key disguised with invisible characters (U+0085 in Retry-After, zero-width and bidi in the message) is never reassembled in the output (issue 17 #1) nor in a proposal file (issue 16)', async () => {
    // Judged by a spec that declares Retry-After (pinned), so conformance.response-headers quotes the disguised value:
    // a spec adopted from a server that sends none declares none, and then no finding would show the value at all.
    const run = await verify({ '/api/customer/balance': 'echo-disguised', '/api/order/list': 'echo-disguised' }, specDeclaringRetryAfter());
    // What a terminal or a log viewer shows: the invisible characters gone. Not one 8-character run of the key may remain.
    expect(keyRunsIn(normaliseText(run.output), KEY)).toEqual([]);
    expect(keyRunsIn(run.output, KEY)).toEqual([]);
    expect(run.output).toMatch(/Retry-After: "[^"\n]*\[REDACTED\]/);
    // The same run as evidence for --propose (issue 16): the proposal file holds no run of the key either.
    // Decisions without Retry-After, so the 429s (Retry-After and message carrying the disguised key) become evidence of a change.
    // Only the attacked paths' exchanges: the twin behind the other paths follows the kit, which may send no Retry-After
    // either (then the evidence would be mixed and no change proposed).
    const decisions = checkDecisions({ ...structuredClone(kitDecisions()), retryAfter: { send: false } });
    if (!decisions.ok) throw new Error(decisions.error.message);
    const attacked = (run.report.sent ?? []).filter((e) => ['/api/customer/balance', '/api/order/list'].includes(e.operation.path));
    expect(attacked.filter((e) => e.exchange.response.status === 429).length).toBeGreaterThan(0);
    const proposal = proposeFrom({ located: attacked, decisions: decisions.value, source: { command: 'verify', target: 'hostile', exchanges: attacked.length } });
    expect(proposal.changes.map((c) => c.entry)).toContain('retryAfter.send');
    expect(normaliseText(JSON.stringify(proposal))).toContain(KEY.slice(0, 12)); // the evidence did carry the key before writing
    const dir = mkdtempSync(join(tmpdir(), 'wupex-propose-'));
    const reporter = createReporter({ secrets: [KEY], out: () => {}, err: () => {} });
    const written = writeProposal(join(dir, 'p.json'), proposal, reporter.redact, []);
    if (!written.ok) throw new Error(written.error.message);
    const text = readFileSync(written.value, 'utf8');
    const strings: string[] = [];
    JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
    expect(keyRunsIn(normaliseText(text), KEY)).toEqual([]);
    expect(strings.flatMap((s) => keyRunsIn(normaliseText(s), KEY))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('echoes across character 120, escapes and a redirect to another origin are findings; nothing leaks, nothing follows', async () => {
    const run = await verify({ '/api/order/list': 'echo-key', '/api/order/detail': 'ansi', '/api/order/pull-codes': 'redirect-origin', '/api/customer/balance': 'echo-envelope' });
    expect(run.report.transportError).toBeUndefined();
    expect(run.report.counts.failed).toBeGreaterThan(0); // exit 1
    expect(run.output).toContain('FAIL hygiene.key-not-echoed POST /api/order/list');
    expect(run.output).toMatch(/FAIL conformance\.status-code POST \/api\/order\/pull-codes[\s\S]*307/);
    expect(keyRunsIn(run.output, KEY)).toEqual([]);
    expect(run.output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(second().received).toEqual([]);
  });

  test('a trickle, an endless body, a redirect to plain http and a 200 without pageInfo: exit 3, each request within its deadline', async () => {
    const run = await verify({ '/api/order/list': 'trickle', '/api/order/detail': 'endless', '/api/order/pull-codes': 'redirect-insecure', '/api/product/merchant/invited/list': 'no-page-info' });
    expect(['TARGET_TIMEOUT', 'RESPONSE_TOO_LARGE']).toContain(run.report.transportError?.code); // exit 3
    expect(run.output).toMatch(/\d+ passed, \d+ failed, \d+ skipped\n/);
    expect(run.output).toContain('<testsuites');
    expect(keyRunsIn(run.output, KEY)).toEqual([]);
    expect(run.growth).toBeLessThan(300 * MB);
    expect(overdue(run.server, LIMITS.deadlineMs + 5000)).toEqual([]);
    // At most one deadline per stalled path: the trickling path was asked once, then not again.
    expect(run.server.log().filter((r) => r.attack === 'trickle')).toHaveLength(1);
  });

  test.each([
    'https://service.wupex.com.',
    'https://service.wupex.com%2E',
    'https://SERVICE.WUPEX.COM',
    'https://Service.Wupex.Com.:443/',
  ])('--base-url %s (with --allow-orders) is refused before any target exists: CONFIG_INVALID, exit 2', async (baseUrl) => {
    const resolved = await resolveTarget({ baseUrl, allowOrders: true, env: { WUPEX_API_KEY: KEY } });
    expect(resolved.ok ? undefined : resolved.error.code).toBe('CONFIG_INVALID');
  });

  test('--base-url http://user:pass@127.0.0.1:PORT is refused (exit 2) and the server there receives nothing', async () => {
    const server = await hostile({ '*': 'echo-key' });
    const resolved = await resolveTarget({ baseUrl: server.url.replace('http://', 'http://user:pass@'), env: { WUPEX_API_KEY: KEY } });
    expect(resolved.ok ? undefined : resolved.error).toMatchObject({ code: 'CONFIG_INVALID', message: `--base-url must not carry credentials (user:password@): ${server.url}/.` });
    expect(server.log()).toEqual([]);
  });
});
