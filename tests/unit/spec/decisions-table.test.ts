// One parser of DECISIONS.md's table: a pipe adopt escaped inside an Evidence cell does not split the row, so the
// breaking change ids adopt writes after it still acknowledge the change for spec:diff, and the report reads the row.
import { describe, expect, test } from 'vitest';
import { parseDecisions } from '../../../src/contract/report/decisions.ts';
import { tableCells } from '../../../src/spec/decisions-table.ts';
import { acknowledgedBy, evidenceCells } from '../../../src/spec-diff/acknowledged.ts';

const ROW = '| 12 | Pull-codes status | **Adopted** 201 | Observed: POST /api/order/pull-codes {"note":"a\\|b"} → HTTP 201. Breaking for a client, acknowledged by this adoption: `POST /api/order/pull-codes responses.200`. | order once |';

describe('tableCells', () => {
  test('an escaped pipe stays in its cell: five cells', () => {
    expect(tableCells(ROW)).toHaveLength(5);
  });

  test('spec:diff finds the id after the escaped pipe; the report reads question and decision', () => {
    expect(acknowledgedBy('POST /api/order/pull-codes responses.200', evidenceCells(ROW))).toBe('12');
    expect(parseDecisions(ROW).get('12')).toEqual({ id: '12', question: 'Pull-codes status', decision: 'Adopted 201' });
  });
});
