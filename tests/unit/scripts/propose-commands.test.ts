// The commands around a proposal (issue 16): verify --propose and replay --propose write one (or say why not, exit 2,
// after the count line); adopt's usage errors say what to pass.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { adoptCommand } from '../../../src/adopt/command.ts';
import { createReporter } from '../../../src/cli/flags.ts';
import { verifyMain } from '../../../src/contract/verify/main.ts';
import { replayCommand } from '../../../src/replay/command.ts';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = { env: {}, cwd: mkdtempSync(join(tmpdir(), 'propose-')), tty: false, out: (t: string) => void (out.stdout += t), err: (t: string) => void (out.stderr += t) };
  return { out, io, reporter: createReporter({ secrets: [], out: io.out, err: io.err, tty: false }) };
}

describe('--propose and adopt on the command line', () => {
  test('verify --propose FILE writes the proposal after the closing sections', async () => {
    const { out, io } = capture();
    const path = join(io.cwd, 'proposal.json');
    const code = await verifyMain(['--check', 'negative.wrong-content-type', '--runs', '1', '--propose', path], io);
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/Where the target breaks the documented contract\n {2}none\n[\s\S]*Proposal \(0 decision change\(s\), 0 new field\(s\), 0 for a human\) written to /);
    const proposal = JSON.parse(readFileSync(path, 'utf8'));
    expect(proposal).toMatchObject({ kind: 'wupex-contract/decisions-proposal', source: { command: 'verify' }, changes: [] });
    expect(proposal.agreed).toContain('contentType');
  });

  test('verify --propose onto its own --report path is refused: exit 2 after the count line, the report kept', async () => {
    const { out, io } = capture();
    const path = join(io.cwd, 'same.json');
    const code = await verifyMain(['--check', 'negative.wrong-content-type', '--runs', '1', '--report', `json=${path}`, '--propose', path], io);
    expect(code).toBe(2);
    expect(out.stdout).toMatch(/^\d+ passed, 0 failed/m);
    expect(out.stderr).toMatch(/PROPOSAL_NOT_WRITTEN: --propose .*same\.json is one of this run's inputs/);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveProperty('findings');
  });

  test('replay --propose reads the evidence from recordings; a recording as the proposal path is refused', () => {
    const { out, io, reporter } = capture();
    const path = join(io.cwd, 'from-replay.json');
    expect(replayCommand(['tests/recordings', '--propose', path], reporter)).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ source: { command: 'replay' }, changes: [] });
    expect(out.stdout).toContain(`written to ${path}`);
    expect(replayCommand(['tests/recordings', '--propose', 'tests/recordings/twin-reference.har'], reporter)).toBe(2);
    expect(out.stderr).toMatch(/PROPOSAL_NOT_WRITTEN/);
  });

  test('adopt: help, no proposal, two proposals, a missing file', async () => {
    const { out, reporter } = capture();
    expect(await adoptCommand(['--help'], reporter)).toBe(0);
    expect(out.stdout).toMatch(/^Usage: npm run adopt -- PROPOSAL/m);
    expect(await adoptCommand([], reporter)).toBe(2);
    expect(await adoptCommand(['a.json', 'b.json'], reporter)).toBe(2);
    expect(out.stderr).toMatch(/Give exactly one proposal file \(got 0\)[\s\S]*Give exactly one proposal file \(got 2\)/);
    expect(await adoptCommand(['/nonexistent/p.json'], reporter)).toBe(2);
    expect(out.stderr).toMatch(/PROPOSAL_UNREADABLE: cannot read \/nonexistent\/p\.json/);
    expect(existsSync('/nonexistent')).toBe(false);
  });
});

describe('verify report paths (issue 17 #12)', () => {
  test('an unwritable report path: the count line first, then REPORT_NOT_WRITTEN naming it, exit 2, no stack trace', async () => {
    const { out, io } = capture();
    const blocker = join(io.cwd, 'a-file');
    await import('node:fs').then((fs) => fs.writeFileSync(blocker, 'x'));
    const code = await verifyMain(['--check', 'auth.missing-key', '--runs', '1', '--report', `junit=${join(blocker, 'sub', 'r.xml')}`], io);
    expect(code).toBe(2);
    expect(out.stdout).toMatch(/^\d+ passed, 0 failed/m);
    expect(out.stderr).toMatch(/REPORT_NOT_WRITTEN: could not write the report .*a-file\/sub\/r\.xml \((ENOTDIR|EEXIST)\)/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  test('a report path that is an input (the decisions file) or names both reports is refused; the input is untouched', async () => {
    const { out, io } = capture();
    const decisions = join(io.cwd, 'decisions.yaml');
    const text = readFileSync('openapi/decisions.yaml', 'utf8');
    await import('node:fs').then((fs) => fs.writeFileSync(decisions, text));
    expect(await verifyMain(['--check', 'auth.missing-key', '--runs', '1', '--decisions', decisions, '--report', `json=${decisions}`], io)).toBe(2);
    expect(readFileSync(decisions, 'utf8')).toBe(text);
    const both = join(io.cwd, 'r.out');
    expect(await verifyMain(['--check', 'auth.missing-key', '--runs', '1', '--report', `json=${both}`, '--report', `junit=${both}`], io)).toBe(2);
    expect(out.stderr).toMatch(/is one of this run's inputs[\s\S]*both name .*r\.out/);
  });
});

describe('report paths that reach an input another way (issue 17 #12)', () => {
  test('verify: the key file .env and a symlink to the decisions file are refused, exit 2; each file untouched', async () => {
    const { out, io } = capture();
    const fs = await import('node:fs');
    const env = join(io.cwd, '.env');
    fs.writeFileSync(env, 'WUPEX_BASE_URL=\n');
    const decisions = join(io.cwd, 'decisions.yaml');
    const text = readFileSync('openapi/decisions.yaml', 'utf8');
    fs.writeFileSync(decisions, text);
    fs.symlinkSync(decisions, join(io.cwd, 'link.json'));
    const code = await verifyMain(['--check', 'auth.missing-key', '--runs', '1', '--decisions', decisions, '--report', `json=${join(io.cwd, 'link.json')}`, '--report', `junit=${env}`], io);
    expect(code).toBe(2);
    expect(out.stdout).toMatch(/^\d+ passed, 0 failed/m);
    expect(out.stderr).toMatch(/REPORT_NOT_WRITTEN: the report path .*\.env is one of this run's inputs[\s\S]*REPORT_NOT_WRITTEN: the report path .*link\.json is one of this run's inputs/);
    expect(readFileSync(env, 'utf8')).toBe('WUPEX_BASE_URL=\n');
    expect(readFileSync(decisions, 'utf8')).toBe(text);
  });

  test('replay: a report path that is a symlink to a recording replayed, or any .har name, is refused and the files kept', async () => {
    const { out, io, reporter } = capture();
    const fs = await import('node:fs');
    const recording = join(io.cwd, 'rec.har');
    const text = readFileSync('tests/recordings/twin-reference.har', 'utf8');
    fs.writeFileSync(recording, text);
    fs.symlinkSync(recording, join(io.cwd, 'report.json'));
    const older = join(io.cwd, 'older.har');
    fs.writeFileSync(older, '{"log":{}}');
    expect(replayCommand([recording, '--report', `json=${join(io.cwd, 'report.json')}`, '--report', `junit=${older}`], reporter)).toBe(2);
    expect(out.stderr).toMatch(/REPORT_NOT_WRITTEN: The report path .*older\.har is one of the recordings replayed \(or a link to one, or a \.har name\)/);
    expect(out.stderr).toMatch(/REPORT_NOT_WRITTEN: The report path .*report\.json is one of the recordings replayed/);
    expect(readFileSync(recording, 'utf8')).toBe(text);
    expect(readFileSync(older, 'utf8')).toBe('{"log":{}}');
  });
});
