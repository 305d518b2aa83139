// Which breaking changes a reviewer acknowledged: a DECISIONS.md row whose Evidence cell names the change's id (or a part of it).
import { readFileSync } from 'node:fs';
import { tableCells } from '../spec/decisions-table.ts';

export interface Acknowledgement {
  /** The DECISIONS row id ("8", "D3"). */
  row: string;
  evidence: string;
}

/** Evidence cells of `| # | Question | Decision | Evidence | Confirm |` rows, backticks removed. */
export function evidenceCells(text: string): Acknowledgement[] {
  return text.split('\n').flatMap((line) => {
    const cells = tableCells(line).map((c) => c.trim());
    return cells.length >= 4 && /^D?\d+$/.test(cells[0]!) ? [{ row: cells[0]!, evidence: cells[3]!.replace(/`/g, '') }] : [];
  });
}

export function readAcknowledgements(decisionsPath: string): Acknowledgement[] {
  try {
    return evidenceCells(readFileSync(decisionsPath, 'utf8'));
  } catch {
    return [];
  }
}

/**
 * The id and its shorter forms a row may name: "POST /p responses.200.data.totalAmount" also covers
 * "... data.totalAmount.required". The operation alone ("POST /p") covers only a change to the whole operation.
 */
function namesOf(id: string): string[] {
  const space = id.indexOf(' ', id.indexOf(' ') + 1);
  if (space < 0) return [id];
  const head = id.slice(0, space + 1);
  const parts = id.slice(space + 1).split('.');
  return parts.map((_, i) => head + parts.slice(0, i + 1).join('.'));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The row that acknowledges `id`, if any: its evidence holds one of the id's names, not followed by more of a name. */
export function acknowledgedBy(id: string, rows: readonly Acknowledgement[]): string | undefined {
  const patterns = namesOf(id).map((name) => new RegExp(`(^|[^\\w./-])${escape(name)}(?![\\w\\[:-]|\\.\\w)`));
  return rows.find((row) => patterns.some((p) => p.test(row.evidence)))?.row;
}
