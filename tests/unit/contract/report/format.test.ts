// verify's printed lines: PASS, SKIP with its reason, FAIL with indented messages and curl lines, then the count.
import { describe, expect, test } from 'vitest';
import { countLine, formatLines, junitCases } from '../../../../src/contract/report/format.ts';
import type { RunReport } from '../../../../src/contract/run-catalogue.ts';

const finding = (n: number) => ({ checkId: 'envelope.shape', title: 'T', severity: 'high' as const, operation: 'GET /x', target: 'mock', message: `GET /x: problem ${n}.`, basis: { decisions: ['7'], sources: ['S10'] }, reproduce: `curl -sS -X GET 'http://h/x?n=${n}'` });

const report: RunReport = {
  lines: [
    { checkId: 'auth.missing-key', operation: 'GET /x', status: 'PASS', findings: [] },
    { checkId: 'auth.invalid-key', operation: 'GET /x', status: 'SKIP', reason: 'no key values', findings: [] },
    { checkId: 'envelope.shape', operation: 'GET /x', status: 'FAIL', findings: [1, 2, 3, 4, 5].map(finding) },
  ],
  findings: [],
  counts: { passed: 1, failed: 1, skipped: 1, unavailable: 0 },
};

describe('verify output', () => {
  test('one line per check and operation; at most three findings printed per line', () => {
    expect(formatLines(report)).toEqual([
      'PASS auth.missing-key GET /x',
      'SKIP auth.invalid-key GET /x (no key values)',
      'FAIL envelope.shape GET /x',
      '    GET /x: problem 1.',
      '    [high; decisions #7; sources S10]',
      "    curl -sS -X GET 'http://h/x?n=1'",
      '    GET /x: problem 2.',
      '    [high; decisions #7; sources S10]',
      "    curl -sS -X GET 'http://h/x?n=2'",
      '    GET /x: problem 3.',
      '    [high; decisions #7; sources S10]',
      "    curl -sS -X GET 'http://h/x?n=3'",
      '    … and 2 more (all of them in --report json=PATH or junit=PATH)',
    ]);
  });

  test('the count line, with the unavailable lines only when there are some', () => {
    expect(countLine(report.counts)).toBe('1 passed, 1 failed, 1 skipped');
    expect(countLine({ ...report.counts, unavailable: 2 })).toBe('1 passed, 1 failed, 1 skipped, 2 unavailable');
  });

  test('an UNAVAILABLE line shows its reason and becomes a JUnit error, not a failure', () => {
    const line = { checkId: 'auth.missing-key', operation: 'GET /x', status: 'UNAVAILABLE' as const, reason: 'the target answered HTTP 503 on GET /x after 5 retries', findings: [] };
    expect(formatLines({ lines: [line] })).toEqual(['UNAVAILABLE auth.missing-key GET /x (the target answered HTTP 503 on GET /x after 5 retries)']);
    expect(junitCases({ lines: [line] })).toEqual([{ classname: 'auth.missing-key', name: 'GET /x', status: 'ERROR', message: line.reason, details: '' }]);
  });

  test('a JUnit failure carries severity and basis in its text', () => {
    expect(junitCases(report)[2].details?.split('\n').slice(0, 3)).toEqual(['[high; decisions #7; sources S10]', 'GET /x: problem 1.', "curl -sS -X GET 'http://h/x?n=1'"]);
  });
});
