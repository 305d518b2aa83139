// verify's printed lines: PASS, SKIP with its reason, FAIL with indented messages and curl lines, then the count.
import { describe, expect, test } from 'vitest';
import { countLine, formatLines } from '../../../scripts/lib/verify/format.ts';
import type { RunReport } from '../../checks/run-catalogue.ts';

const finding = (n: number) => ({ checkId: 'envelope.shape', title: 'T', severity: 'high' as const, operation: 'GET /x', target: 'mock', message: `GET /x: problem ${n}.`, reproduce: `curl -sS -X GET 'http://h/x?n=${n}'` });

const report: RunReport = {
  lines: [
    { checkId: 'auth.missing-key', operation: 'GET /x', status: 'PASS', findings: [] },
    { checkId: 'auth.invalid-key', operation: 'GET /x', status: 'SKIP', reason: 'no key values', findings: [] },
    { checkId: 'envelope.shape', operation: 'GET /x', status: 'FAIL', findings: [1, 2, 3, 4, 5].map(finding) },
  ],
  findings: [],
  counts: { passed: 1, failed: 1, skipped: 1 },
};

describe('verify output', () => {
  test('one line per check and operation; at most three findings printed per line', () => {
    expect(formatLines(report)).toEqual([
      'PASS auth.missing-key GET /x',
      'SKIP auth.invalid-key GET /x (no key values)',
      'FAIL envelope.shape GET /x',
      '    GET /x: problem 1.',
      "    curl -sS -X GET 'http://h/x?n=1'",
      '    GET /x: problem 2.',
      "    curl -sS -X GET 'http://h/x?n=2'",
      '    GET /x: problem 3.',
      "    curl -sS -X GET 'http://h/x?n=3'",
      '    … and 2 more (all of them in --report junit=PATH)',
    ]);
  });

  test('the count line', () => {
    expect(countLine(report)).toBe('1 passed, 1 failed, 1 skipped');
  });
});
