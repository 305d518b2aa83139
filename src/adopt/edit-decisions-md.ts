// DECISIONS.md after an adoption: each changed row's Decision cell says what was adopted (the old text kept after it),
// and its Evidence cell gains the evidence line (date, target, command, agreeing exchanges, one example). Pure.
import type { DecisionChange } from '../contract/propose/proposal.ts';
import { tableCells } from '../spec/decisions-table.ts';

export interface AdoptionNote {
  date: string;
  /** "npm run verify against base-url http://127.0.0.1:4010 (250 exchanges)". */
  from: string;
  /** Breaking-for-a-client change ids of this adoption (spec:diff reads them from an Evidence cell as acknowledged). */
  breaking: string[];
}

const escapeCell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
const show = (value: unknown) => `\`${JSON.stringify(value)}\``;

function evidenceOf(change: DecisionChange): string {
  const { agreeing, disagreeing, examples } = change.evidence;
  const against = disagreeing.reduce((n, d) => n + d.count, 0);
  const example = examples[0] ? `; e.g. ${examples[0].request} → ${examples[0].response}` : '';
  return `${agreeing} exchange(s) agree${against ? `, ${against} disagree` : ''}${example}`;
}

/** Pure: the text with every change written into its row (the first row a change names); rows not found are returned. */
export function editDecisionsMd(text: string, changes: readonly DecisionChange[], note: AdoptionNote): { text: string; missingRows: string[] } {
  const byRow = new Map<string, DecisionChange[]>();
  for (const change of changes) {
    const row = change.rows[0] ?? '23';
    byRow.set(row, [...(byRow.get(row) ?? []), change]);
  }
  const lines = text.split('\n');
  const done = new Set<string>();
  let breakingWritten = false;
  const out = lines.map((line) => {
    const cells = tableCells(line);
    const id = cells[0]?.trim() ?? '';
    const mine = byRow.get(id);
    if (!mine || cells.length < 5 || done.has(id)) return line;
    done.add(id);
    const adopted = mine.map((c) => `\`${c.entry}\` ${show(c.current)} → ${show(c.proposed)}`).join(', ');
    const decision = ` **Adopted ${note.date}** (decisions.yaml): ${adopted}. Before: ${cells[2]!.trim()} `;
    const breaking = !breakingWritten && note.breaking.length ? ` Breaking for a client, acknowledged by this adoption: ${note.breaking.map((b) => `\`${b}\``).join(', ')}.` : '';
    breakingWritten ||= breaking !== '';
    const evidence = ` ${cells[3]!.trim()} Observed ${note.date} by ${note.from}: ${mine.map((c) => `\`${c.entry}\`: ${evidenceOf(c)}`).join('; ')}.${breaking} `;
    const next = [...cells];
    next[2] = escapeCell(decision);
    next[3] = escapeCell(evidence);
    return `|${next.join('|')}|`;
  });
  return { text: out.join('\n'), missingRows: [...byRow.keys()].filter((row) => !done.has(row)) };
}
