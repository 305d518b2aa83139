// The README table of checks, generated from ALL_CHECKS (schemathesis docs style), and its place between markers.
import type { Check } from '../checks/check.ts';

export const TABLE_MARKERS = { start: '<!-- checks-table:start (npm run gen:checks-table) -->', end: '<!-- checks-table:end -->' } as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One row per check: id, title, what it catches, and what it needs from the target. */
export function renderChecksTable(checks: readonly Check[]): string {
  const rows = checks.map((c) => `| \`${c.id}\` | ${cell(c.title)} | ${cell(c.description)} | ${c.requires?.map((r) => `\`${r}\``).join(', ') ?? ''} |`);
  return ['| Check | Title | What it catches | Needs |', '|---|---|---|---|', ...rows].join('\n');
}

/** README text with the table between the markers replaced; undefined when the markers are missing. */
export function withChecksTable(readme: string, table: string): string | undefined {
  const start = readme.indexOf(TABLE_MARKERS.start);
  const end = readme.indexOf(TABLE_MARKERS.end);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + TABLE_MARKERS.start.length)}\n${table}\n${readme.slice(end)}`;
}
