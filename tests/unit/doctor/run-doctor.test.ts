// The doctor runner: list order, one line per check plus its fix, crashes contained, exit 1 only on FAIL.
import { describe, expect, test } from 'vitest';
import { defineDoctorCheck, fail, ok, skip, warn } from '../../../src/doctor/doctor-check.ts';
import { DOCTOR_CHECKS } from '../../../src/doctor/index.ts';
import { formatResult, runDoctor } from '../../../src/doctor/run-doctor.ts';
import { testContext } from './fixtures.ts';

const check = (id: string, result: ReturnType<typeof ok>, delayMs = 0) =>
  defineDoctorCheck({ id, run: () => new Promise((done) => setTimeout(() => done(result), delayMs)) });

describe('formatResult', () => {
  test.each([
    [ok('fine'), 'ok   a: fine'],
    [skip('--offline'), 'skip a: --offline'],
    [warn('hmm', 'do x'), 'warn a: hmm\n     fix: do x'],
    [fail('bad', 'do x\ndo y'), 'FAIL a: bad\n     fix: do x\n     fix: do y'],
  ])('%j', (result, line) => {
    expect(formatResult('a', result)).toBe(line);
  });
});

describe('runDoctor', () => {
  test('prints in list order even when later checks finish first, and exits 0 with warnings only', async () => {
    const lines: string[] = [];
    const report = await runDoctor([check('slow', ok('done'), 20), check('fast', warn('w', 'f'))], testContext(), (l) => lines.push(l));
    expect(lines).toEqual(['ok   slow: done', 'warn fast: w\n     fix: f', 'No problems, 1 warning(s).']);
    expect(report.exitCode).toBe(0);
  });

  test('a FAIL exits 1, and a crashing check is reported without stopping the others', async () => {
    const crash = defineDoctorCheck({ id: 'crash', run: () => { throw new Error('boom'); } });
    const lines: string[] = [];
    const report = await runDoctor([crash, check('after', ok('still ran'))], testContext(), (l) => lines.push(l));
    expect(lines).toEqual([
      'FAIL crash: check crashed: boom\n     fix: This is a kit bug; please report it with this line.',
      'ok   after: still ran',
      '1 problem(s) to fix, 0 warning(s).',
    ]);
    expect(report.exitCode).toBe(1);
  });

  test('the registered checks have unique kebab-case ids', () => {
    const ids = DOCTOR_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(ids).toEqual(['node', 'npm', 'dependencies', 'spec-lint', 'environment', 'target-pairing', 'sandbox', 'key', 'twin']);
  });
});
