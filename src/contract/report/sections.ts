// The two closing sections of verify's output: where the target decided an open point differently from DECISIONS.md,
// and where it breaks what the vendor's guide documents. One line per decision row, one per contract finding.
import type { DecisionRow } from './decisions.ts';
import type { ReportFinding, VerifyReport } from './report.ts';

export const SECTION_TITLES = {
  decisions: 'Where the target differs from our decisions',
  contract: 'Where the target breaks the documented contract',
} as const;

export const SECTION_DEFAULTS = { decisionChars: 90, contractLines: 20 } as const;

const INDENT = '  ';

/** A decision cut to `max` characters at a word boundary. */
function short(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** "a request without Accept-Language was accepted (HTTP 200) on GET /api/customer/balance": the finding without the spec's side. */
export function whatTheTargetDid(finding: ReportFinding): string {
  const prefix = `${finding.operation}: `;
  const body = finding.message.startsWith(prefix) ? finding.message.slice(prefix.length) : finding.message;
  const did = body.split(/; the spec documents |; an? [a-z ]*must /)[0].replace(/\.$/, '');
  return `${did} on ${finding.operation}`;
}

/** Rows in table order ("1" < "25" < "D1"), each with the findings that rest on it. */
function byRow(findings: ReportFinding[]): Map<string, ReportFinding[]> {
  const rows = new Map<string, ReportFinding[]>();
  for (const finding of findings) for (const row of finding.basis.decisions) rows.set(row, [...(rows.get(row) ?? []), finding]);
  const rank = (id: string) => (id.startsWith('D') ? 1000 + Number(id.slice(1)) : Number(id));
  return new Map([...rows.entries()].sort(([a], [b]) => rank(a) - rank(b)));
}

function decisionLine(id: string, findings: ReportFinding[], row: DecisionRow | undefined): string {
  const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : '';
  const question = row?.question ?? '(row not found in openapi/DECISIONS.md)';
  const decided = row ? short(row.decision, SECTION_DEFAULTS.decisionChars) : '?';
  return `${INDENT}#${id} | ${question} | we decided: ${decided} | the target: ${whatTheTargetDid(findings[0])}${more}`;
}

function contractLine(finding: ReportFinding): string {
  const sources = finding.basis.sources.length ? ` [${finding.basis.sources.join(', ')}]` : '';
  return `${INDENT}${finding.severity} ${finding.checkId}: ${finding.message}${sources}`;
}

/** Pure: the closing sections; "none" when a section is empty. A stopped run has no sections. */
export function formatSections(report: Pick<VerifyReport, 'findings' | 'stopped'>, decisions: ReadonlyMap<string, DecisionRow>): string[] {
  if (report.stopped) return [];
  const decided = byRow(report.findings);
  const broken = report.findings.filter((f) => f.basis.decisions.length === 0);
  const out = ['', SECTION_TITLES.decisions];
  if (decided.size === 0) out.push(`${INDENT}none`);
  for (const [id, findings] of decided) out.push(decisionLine(id, findings, decisions.get(id)));
  out.push('', SECTION_TITLES.contract);
  if (broken.length === 0) out.push(`${INDENT}none`);
  out.push(...broken.slice(0, SECTION_DEFAULTS.contractLines).map(contractLine));
  const hidden = broken.length - SECTION_DEFAULTS.contractLines;
  if (hidden > 0) out.push(`${INDENT}… and ${hidden} more (all of them in --report json=PATH)`);
  return out;
}
