// verify as a library (runVerify) and its report: the decision-differing server lands in exactly its five rows,
// a rejected key stops at once (exit 2), and the JSON report carries the basis of every finding, redacted.
import { afterAll, beforeAll, afterEach, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../../mocks/server.ts';
import { createRedactor } from '../../../../src/secrets/redact.ts';
import { loadDecisions } from '../../../../src/contract/report/decisions.ts';
import { toJsonReport } from '../../../../src/contract/report/json-report.ts';
import { runVerify } from '../../../../src/contract/verify/run-verify.ts';
import { formatSections, SECTION_TITLES } from '../../../../src/contract/report/sections.ts';
import { DIFFERING_ROWS, decisionDiffServer } from '../../../support/decision-server.ts';
import { fetchTarget } from '../../../../src/contract/targets/mock-target.ts';
import { kit } from '../../../support/decided.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const [alpha, bravo] = DEMO_ACCOUNTS;
const noWait = { sleep: async () => {} };
/** A key no target accepts, built at run time (not a real-looking literal for the secret scan). */
const WRONG_KEY = ['wupex', 'kit', 'not', 'a', 'key', '1234'].join('-');

describe('runVerify', () => {
  let twin: MockServer;
  beforeAll(async () => {
    twin = await createMockServer();
  });
  afterEach(() => twin.store.reset());
  afterAll(() => twin.close());

  test('a server that decides five open points differently: exit 1, exactly those rows, no contract break', async () => {
    const target = fetchTarget({ server: { fetch: decisionDiffServer((r) => twin.fetch(r)) }, apiKey: alpha.key, merchantCode: alpha.merchantCode });
    const { report, exitCode } = await runVerify({ target, runs: 2, secondKey: bravo.key, transient: noWait });
    expect(exitCode).toBe(1);
    const rows = Object.keys(DIFFERING_ROWS).sort();
    expect([...new Set(report.findings.flatMap((f) => f.basis.decisions))].sort()).toEqual(rows);
    expect(report.findings.filter((f) => f.basis.decisions.length === 0)).toEqual([]);
    const sections = formatSections(report, loadDecisions());
    const start = sections.indexOf(SECTION_TITLES.decisions);
    const end = sections.indexOf(SECTION_TITLES.contract);
    expect(sections.slice(start + 1, end - 1).map((l) => /^ {2}#(\S+) \| /.exec(l)?.[1])).toEqual(['6', '10', '15', '20', '21']);
    expect(sections.slice(end + 1)).toEqual(['  none']);
    // Row 20 as DECISIONS.md words it (adopt rewrites it), and what the server did: accepted where the kit refuses, or refused.
    const decided = escape(loadDecisions().get('20')!.decision.slice(0, 20));
    const did = kit.acceptLanguage.missing.action === 'reject'
      ? 'was accepted \\(HTTP 200\\)'
      : 'was refused \\(HTTP 400 [A-Z_]+\\); the decisions accept it \\(acceptLanguage\\.missing is fallback to [^)]+\\), so a 2xx is expected';
    expect(sections[start + 4]).toMatch(new RegExp(`^ {2}#20 \\| Accept-Language \\| we decided: ${decided}.*… \\| the target: a request without Accept-Language ${did} on \\S+ \\S+( \\(\\+\\d+ more\\))?$`));
    const json = JSON.parse(toJsonReport(report, (t) => t));
    expect([...new Set(json.findings.flatMap((f: { basis: { decisions: string[] } }) => f.basis.decisions))].sort()).toEqual(rows);
    expect(Object.keys(json.findings[0])).toEqual(['checkId', 'operation', 'severity', 'message', 'basis', 'reproduce']);
  });

  test('the JSON report of the in-process twin says so and names no base URL (the banner says "no port")', () => {
    const json = JSON.parse(toJsonReport({ target: { name: 'mock', baseUrl: 'http://127.0.0.1:4010' }, summary: { passed: 0, failed: 0, skipped: 0, unavailable: 0 }, lines: [], findings: [] }, (t) => t));
    expect(json.target).toEqual({ name: 'mock', inProcess: true, baseUrl: null });
    const other = JSON.parse(toJsonReport({ target: { name: 'base-url', baseUrl: 'http://127.0.0.1:4011' }, summary: { passed: 0, failed: 0, skipped: 0, unavailable: 0 }, lines: [], findings: [] }, (t) => t));
    expect(other.target).toEqual({ name: 'base-url', baseUrl: 'http://127.0.0.1:4011' });
  });

  test('a key the target rejects stops the run at once: exit 2, one clear message, a report with one failed case', async () => {
    const target = fetchTarget({ server: { fetch: (r) => twin.fetch(r) }, apiKey: WRONG_KEY });
    const { report, exitCode, error } = await runVerify({ target, transient: noWait });
    expect(exitCode).toBe(2);
    expect(error?.message).toBe('the target rejected WUPEX_API_KEY (401 UNAUTHORIZED); check which environment the key belongs to');
    expect(report.summary).toEqual({ passed: 0, failed: 1, skipped: 0, unavailable: 0 });
    expect(report.lines.map((l) => [l.checkId, l.status])).toEqual([['verify.preflight', 'FAIL']]);
  });

  test('the JSON report is redacted string by string and stays valid JSON', async () => {
    const target = fetchTarget({ server: { fetch: (r) => twin.fetch(r) }, apiKey: WRONG_KEY });
    const { report } = await runVerify({ target, transient: noWait });
    const text = toJsonReport({ ...report, findings: [{ ...report.findings[0], message: `key ${WRONG_KEY} "quoted"` }] }, createRedactor([WRONG_KEY]));
    expect(JSON.parse(text).findings[0].message).toBe('key [REDACTED] "quoted"');
    expect(JSON.parse(text).stopped.code).toBe('KEY_REJECTED');
  });
});
