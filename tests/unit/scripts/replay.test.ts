// npm run replay: the committed reference recording passes on the current spec and fails, on exactly the affected exchanges, on an edited copy.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { createReporter } from '../../../src/cli/flags.ts';
import { createHarValidator } from '../../../src/har/validate.ts';
import { parseReplayArgs } from '../../../src/replay/args.ts';
import { replayCommand } from '../../../src/replay/command.ts';
import { loadRecordings, type Recording } from '../../../src/replay/load.ts';
import { replayRecordings } from '../../../src/replay/run-replay.ts';
import { loadSpec } from '../../../src/spec/spec.ts';
import { sampleSteps } from '../../../src/proxy/sample-traffic.ts';
import { createSpecIndex, type SpecIndex } from '../../../src/contract/checks/lib/spec-index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const RECORDINGS = join(ROOT, 'tests/recordings');
const REFERENCE = join(RECORDINGS, 'twin-reference.har');
const tmp = mkdtempSync(join(tmpdir(), 'i10-replay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of openapi/ (examples are relative $refs) with `balance` a string and getOrderDetail's 404 no longer documented. */
function editedSpec(): string {
  cpSync(join(ROOT, 'openapi'), join(tmp, 'openapi'), { recursive: true });
  const file = join(tmp, 'openapi/wupex.yaml');
  const doc = parse(readFileSync(file, 'utf8'));
  doc.components.schemas.Balance.properties.balance.type = 'string';
  delete doc.paths['/api/order/detail'].get.responses['404'];
  writeFileSync(file, stringify(doc));
  return file;
}

let reference: Recording[];
let current: SpecIndex;
let edited: string;
beforeAll(() => {
  const loaded = loadRecordings([RECORDINGS], createHarValidator());
  if (!loaded.ok) throw new Error(loaded.error.message);
  reference = loaded.value;
  current = createSpecIndex();
  edited = editedSpec();
});
const recordings = () => reference;

/** Each "entry N" of the reference recording whose request is METHOD path and answer is `status`. */
function entriesOf(method: string, path: string, status: number): string[] {
  const entries = (JSON.parse(readFileSync(REFERENCE, 'utf8')) as { log: { entries: { request: { method: string; url: string }; response: { status: number } }[] } }).log.entries;
  return entries.flatMap((e, i) => (e.request.method === method && new URL(e.request.url).pathname === path && e.response.status === status ? [`${REFERENCE} entry ${i + 1}`] : []));
}

describe('replay', () => {
  test('the reference recording covers all five operations, success and error answers, and a fault', () => {
    const [reference] = recordings();
    const paths = new Set(reference.entries.map((e) => new URL(e.request.url).pathname));
    expect(paths.size).toBe(current.operations.length);
    const statuses = new Set(reference.entries.map((e) => e.response.status));
    // What the sample traffic expects under the kit's decisions (200 or 201, 403 or another refusal...), and at least these.
    for (const status of new Set([...sampleSteps().map((s) => s.expect), 200, 400, 401, 404, 429, 503])) expect(statuses.has(status), String(status)).toBe(true);
  });

  test('passes on the current spec', () => {
    const report = replayRecordings(recordings(), current);
    expect(report.failed).toEqual([]);
    expect(report.counts.failed).toBe(0);
    expect(report.counts.passed).toBeGreaterThan(0);
  });

  test('fails on exactly the affected exchanges of an edited spec', () => {
    const report = replayRecordings(recordings(), createSpecIndex(loadSpec(edited)));
    const byEntry = new Map<string, string[]>();
    for (const f of report.failed) byEntry.set(f.where, [...(byEntry.get(f.where) ?? []), f.checkId]);
    // Every balance answered 200 (one, or two when a missing Accept-Language falls back) and every 404 of getOrderDetail.
    const balances = entriesOf('GET', '/api/customer/balance', 200);
    const details404 = entriesOf('GET', '/api/order/detail', 404);
    expect(balances.length).toBeGreaterThan(0);
    expect(details404.length).toBeGreaterThan(0);
    expect([...byEntry.keys()].sort()).toEqual([...balances, ...details404].sort());
    for (const balance of balances) expect(byEntry.get(balance)).toEqual(['schema.response-body']);
    for (const detail of details404) expect(byEntry.get(detail)).toContain('conformance.status-code');
  });

  test('the command exits 1 on the edited spec, names the drift, and writes JUnit', () => {
    const junit = join(tmp, 'replay.xml');
    const json = join(tmp, 'replay.json');
    const out: string[] = [];
    const reporter = createReporter({ secrets: [], out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(replayCommand([RECORDINGS, '--spec', edited, '--report', `junit=${junit}`, '--report', `json=${json}`], reporter)).toBe(1);
    const text = out.join('');
    expect(text).toContain('FAIL schema.response-body GET /api/customer/balance');
    expect(text).toContain('/data/balance must be string');
    expect(text).toMatch(/recorded in \S*twin-reference\.har entry \d+/);
    expect(text).toMatch(/\n\d+ passed, \d+ failed, \d+ skipped\n/);
    expect(readFileSync(junit, 'utf8')).toContain('<failure');
    // Drift grouped by the DECISIONS.md rows it rests on (balance is a number: row 3), as verify does.
    expect(text).toMatch(/\nWhere the target differs from our decisions\n {2}#3 \| [^\n]*\/data\/balance must be string on GET \/api\/customer\/balance\n/);
    expect(text).toContain('\nWhere the target breaks the documented contract\n  none\n');
    const findings = (JSON.parse(readFileSync(json, 'utf8')) as { findings: { checkId: string; basis: { decisions: string[] } }[] }).findings;
    expect(findings.find((f) => f.checkId === 'schema.response-body')?.basis.decisions).toEqual(['3']);
    expect(replayCommand([join(tmp, 'nothing-here')], reporter)).toBe(2);
  });

  test('usage errors: no path, an unknown flag, a missing file (exit 2 in the command)', () => {
    expect(parseReplayArgs([]).ok).toBe(false);
    expect(parseReplayArgs(['--nope', 'x']).ok).toBe(false);
    expect(parseReplayArgs(['tests/recordings', '--report', 'xml=a']).ok).toBe(false);
    const both = parseReplayArgs(['tests/recordings', '--report', 'junit=a.xml', '--report', 'json=a.json']);
    expect(both.ok && [both.value.junit, both.value.json]).toEqual(['a.xml', 'a.json']);
    const missing = loadRecordings([join(tmp, 'missing.har')]);
    expect(missing.ok ? '' : missing.error.message).toBe(`Recording path "${join(tmp, 'missing.har')}" is neither a file nor a folder.`);
  });
});
