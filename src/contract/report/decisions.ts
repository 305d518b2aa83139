// The rows of openapi/DECISIONS.md (question and decision), read once, for the "differs from our decisions" section.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SPEC_PATH } from '../../spec/spec.ts';
import { tableCells } from '../../spec/decisions-table.ts';

export const DECISIONS_PATH = resolve(dirname(SPEC_PATH), 'DECISIONS.md');

export interface DecisionRow {
  id: string;
  question: string;
  decision: string;
}

/** Markdown cell text as plain text: no backticks or bold. */
const plain = (cell: string) => cell.replace(/`/g, '').replace(/\*\*/g, '').trim();

/** Table rows `| 7 | Question | Decision | Evidence | Confirm |`, keyed by row id ("7", "D1"). */
export function parseDecisions(text: string): Map<string, DecisionRow> {
  const rows = new Map<string, DecisionRow>();
  for (const line of text.split('\n')) {
    const cells = tableCells(line);
    const id = cells[0]?.trim() ?? '';
    if (cells.length < 3 || !/^D?\d+$/.test(id)) continue;
    rows.set(id, { id, question: plain(cells[1]), decision: plain(cells[2]) });
  }
  return rows;
}

export function loadDecisions(path = DECISIONS_PATH): Map<string, DecisionRow> {
  return parseDecisions(readFileSync(path, 'utf8'));
}
