// The lines `npm run verify` prints: one per check and operation, FAIL details indented, then the count line.
import type { RunReport } from '../../../tests/checks/run-catalogue.ts';
import type { JUnitCase } from '../junit.ts';

const INDENT = '    ';
/** Findings printed per line; the rest are counted (the JUnit report holds them all). */
export const FORMAT_DEFAULTS = { findingsPerLine: 3 } as const;

export function formatLines(report: RunReport): string[] {
  const out: string[] = [];
  for (const line of report.lines) {
    const head = `${line.status} ${line.checkId} ${line.operation}`;
    out.push(line.status === 'SKIP' ? `${head} (${line.reason})` : head);
    for (const finding of line.findings.slice(0, FORMAT_DEFAULTS.findingsPerLine)) {
      out.push(...finding.message.split('\n').map((m) => `${INDENT}${m}`));
      if (finding.reproduce) out.push(`${INDENT}${finding.reproduce}`);
    }
    const more = line.findings.length - FORMAT_DEFAULTS.findingsPerLine;
    if (more > 0) out.push(`${INDENT}… and ${more} more (all of them in --report junit=PATH)`);
  }
  return out;
}

/** Exactly "N passed, N failed, N skipped". */
export function countLine(report: RunReport): string {
  const { passed, failed, skipped } = report.counts;
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

export function junitCases(report: RunReport): JUnitCase[] {
  return report.lines.map((line) => ({
    classname: line.checkId,
    name: line.operation,
    status: line.status,
    message: line.status === 'SKIP' ? line.reason : line.findings[0]?.title,
    details: line.findings.map((f) => `${f.message}\n${f.reproduce}`).join('\n\n'),
  }));
}
