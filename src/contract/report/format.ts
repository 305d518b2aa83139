// The lines `npm run verify` prints: one per check and operation (FAIL details indented), the count line, and JUnit cases.
import type { CheckLine, Counts } from '../summarise.ts';
import type { JUnitCase } from './junit.ts';
import type { ReportFinding, VerifyReport } from './report.ts';

const INDENT = '    ';
/** Findings printed per line; the rest are counted (the JSON and JUnit reports hold them all). */
export const FORMAT_DEFAULTS = { findingsPerLine: 3 } as const;

/** "decisions #7, #12; sources S10" — what a finding rests on, for text and JUnit. */
export function describeBasis(finding: Pick<ReportFinding, 'basis'>): string {
  const parts = [];
  if (finding.basis.decisions.length) parts.push(`decisions ${finding.basis.decisions.map((d) => `#${d}`).join(', ')}`);
  if (finding.basis.sources.length) parts.push(`sources ${finding.basis.sources.join(', ')}`);
  return parts.join('; ') || 'no decision or source recorded';
}

/** The lines of one check and operation, printed as soon as the check finishes. */
export function formatLine(line: CheckLine): string[] {
  const head = `${line.status} ${line.checkId} ${line.operation}`;
  const out = [line.reason ? `${head} (${line.reason})` : head];
  for (const finding of line.findings.slice(0, FORMAT_DEFAULTS.findingsPerLine)) {
    out.push(...finding.message.split('\n').map((m) => `${INDENT}${m}`));
    out.push(`${INDENT}[${finding.severity}; ${describeBasis(finding)}]`);
    if (finding.reproduce) out.push(`${INDENT}${finding.reproduce}`);
  }
  const more = line.findings.length - FORMAT_DEFAULTS.findingsPerLine;
  if (more > 0) out.push(`${INDENT}… and ${more} more (all of them in --report json=PATH or junit=PATH)`);
  return out;
}

export function formatLines(report: { lines: CheckLine[] }): string[] {
  return report.lines.flatMap(formatLine);
}

/** "N passed, N failed, N skipped", plus ", N unavailable" when some checks could not be judged. */
export function countLine(counts: Counts): string {
  const { passed, failed, skipped, unavailable } = counts;
  return `${passed} passed, ${failed} failed, ${skipped} skipped${unavailable ? `, ${unavailable} unavailable` : ''}`;
}

/** One case per line; failures carry severity and basis in their text, UNAVAILABLE is a JUnit error (not judged). */
export function junitCases(report: Pick<VerifyReport, 'lines'>): JUnitCase[] {
  return report.lines.map((line) => ({
    classname: line.checkId,
    name: line.operation,
    status: line.status === 'UNAVAILABLE' ? 'ERROR' : line.status,
    message: line.status === 'FAIL' ? line.findings[0]?.title : line.reason,
    details: line.findings.map((f) => `[${f.severity}; ${describeBasis(f)}]\n${f.message}${f.reproduce ? `\n${f.reproduce}` : ''}`).join('\n\n'),
  }));
}
