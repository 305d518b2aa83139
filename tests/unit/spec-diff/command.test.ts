// npm run spec:diff in-process: exit 1 on an unacknowledged breaking change or a refused recording, acknowledgements, reports, refs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createReporter } from '../../../src/cli/flags.ts';
import { PACKAGE_ROOT } from '../../../src/core/package-root.ts';
import { resolveBaseSpec } from '../../../src/spec-diff/base-spec.ts';
import { specDiffCommand } from '../../../src/spec-diff/command.ts';
import { bundleSpec } from '../../../src/spec/spec-bundle.ts';

const BASE = bundleSpec() as any;
const BALANCE = '/api/customer/balance';
const REMOVED_CREDIT = `GET ${BALANCE} responses.200.data.credit`;
/** A balance member the spec does not have (currency today; another name once an adoption has added it). */
const NEW_MEMBER = ['currency', 'currencyCode', 'currencyIso'].find((m) => !(m in BASE.components.schemas.Balance.properties))!;

interface Run {
  code: number;
  out: string;
  json: any;
  md: string;
}

/** Write the base and an edited copy (with a DECISIONS.md beside it) to a fresh folder, run the command there. */
function run(edit: (doc: any) => void, options: { decisions?: string; flags?: string[] } = {}): Run {
  const dir = mkdtempSync(join(tmpdir(), 'wupex-spec-diff-test-'));
  const after = structuredClone(BASE);
  edit(after);
  writeFileSync(join(dir, 'base.json'), JSON.stringify(BASE));
  writeFileSync(join(dir, 'new.json'), JSON.stringify(after));
  writeFileSync(join(dir, 'DECISIONS.md'), `| # | Question | Decision | Evidence | Confirm |\n|---|---|---|---|---|\n${options.decisions ?? ''}\n`);
  let out = '';
  const reporter = createReporter({ secrets: [], out: (t) => (out += t), err: (t) => (out += t), tty: false });
  const json = join(dir, 'r.json');
  const md = join(dir, 'r.md');
  const code = specDiffCommand(['--base', join(dir, 'base.json'), '--spec', join(dir, 'new.json'), '--report', `json=${json}`, '--report', `md=${md}`, ...(options.flags ?? [])], reporter);
  const read = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return ''; } };
  return { code, out, json: read(json) ? JSON.parse(read(json)) : undefined, md: read(md) };
}

const removeCredit = (d: any) => {
  const s = d.components.schemas.Balance;
  delete s.properties.credit;
  s.required = s.required.filter((n: string) => n !== 'credit');
};

describe('npm run spec:diff', () => {
  test('a removed response field: exit 1, the id named in the summary, JSON and Markdown written', () => {
    const r = run(removeCredit);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BREAKING     ${REMOVED_CREDIT}: [Removed] property \`credit\``);
    expect(r.out).toMatch(/Verdict: 2 breaking change\(s\) not acknowledged/);
    expect(r.out).toMatch(/Replay: \d+ recorded exchanges from \d+ file\(s\) against the new spec: 0 failed\./);
    expect(r.json.summary).toMatchObject({ breaking: 2, unacknowledged: 2 });
    expect(r.json.exitCode).toBe(1);
    expect(r.md).toContain(`| breaking | \`${REMOVED_CREDIT}\` |`);
  });

  test('a DECISIONS row whose Evidence names the change acknowledges it (and the removal of its required entry): exit 0', () => {
    const r = run(removeCredit, { decisions: `| D99 | Drop credit? | Yes. | The vendor dropped it; spec-diff: \`${REMOVED_CREDIT}\` | — |` });
    expect(r.code).toBe(0);
    expect(r.out).toContain('breaking 2 (2 acknowledged)');
    expect(r.out).toContain('[acknowledged: DECISIONS #D99]');
    expect(r.json.changes.filter((c: any) => c.class === 'breaking' && c.scope !== 'components').map((c: any) => c.acknowledgedBy)).toEqual(['D99', 'D99']);
  });

  test('a row naming another change, or a longer name, acknowledges nothing', () => {
    expect(run(removeCredit, { decisions: `| 1 | Q | D | ${REMOVED_CREDIT}Balance and GET ${BALANCE} responses.200.data.balance | — |` }).code).toBe(1);
  });

  test('--accept-breaking acknowledges every breaking change: exit 0', () => {
    const r = run(removeCredit, { flags: ['--accept-breaking'] });
    expect(r.code).toBe(0);
    expect(r.out).toContain('[acknowledged: --accept-breaking]');
  });

  test('only non-breaking and annotation changes: exit 0', () => {
    const r = run((d) => {
      d.components.schemas.Balance.properties[NEW_MEMBER] = { type: 'string' };
      d.paths[BALANCE].get.description = 'Reads the balance.';
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('breaking 0, non-breaking 1, annotation 1');
  });

  test('a change the differ calls non-breaking but recorded answers break (a new required response field) fails through the replay: exit 1', () => {
    const r = run((d) => {
      d.components.schemas.Balance.properties[NEW_MEMBER] = { type: 'string' };
      d.components.schemas.Balance.required.push(NEW_MEMBER);
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('breaking 0, non-breaking');
    expect(r.out).toMatch(/Replay: \d+ recorded exchanges .*: [1-9]\d* failed\./);
    expect(r.out).toMatch(/FAIL tests\/recordings\/twin-reference\.har entry \d+: schema\.response-body/);
  });

  test('--help prints the usage: exit 0', () => {
    let out = '';
    const reporter = createReporter({ secrets: [], out: (t) => (out += t), err: (t) => (out += t), tty: false });
    expect(specDiffCommand(['--help'], reporter)).toBe(0);
    expect(out).toContain('Usage: npm run spec:diff -- [--base REF|FILE] [options]');
  });

  test('usage errors exit 2: an unknown ref, a bad --report', () => {
    expect(run(() => {}, { flags: ['--report', 'xml=x'] }).code).toBe(2);
    let out = '';
    const reporter = createReporter({ secrets: [], out: (t) => (out += t), err: (t) => (out += t), tty: false });
    expect(specDiffCommand(['--base', 'no-such-ref-xyz'], reporter)).toBe(2);
    expect(out).toContain('--base "no-such-ref-xyz" is neither a spec file nor a git ref');
  });
});

describe('--base REF', () => {
  test('reads the spec and its examples as committed at the ref', () => {
    const base = resolveBaseSpec('HEAD');
    expect(base.ok).toBe(true);
    if (!base.ok) return;
    try {
      expect(readFileSync(base.value.path, 'utf8')).toBe(execFileSync('git', ['show', 'HEAD:openapi/wupex.yaml'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }));
      expect(base.value.label).toMatch(/^HEAD \([0-9a-f]{7}\)$/);
      expect(() => bundleSpec(base.value.path)).not.toThrow();
    } finally {
      base.value.cleanup();
    }
  });
});
