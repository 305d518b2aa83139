// The report of one verify run as plain data: what `npm run verify`, replay and the library API all print or write.
import type { Basis, Severity } from '../checks/check.ts';
import type { RunReport } from '../run-catalogue.ts';
import type { CheckLine, Counts } from '../summarise.ts';
import type { KitError } from '../../core/result.ts';

export interface ReportFinding {
  checkId: string;
  title: string;
  operation: string;
  severity: Severity;
  message: string;
  basis: Basis;
  /** A curl line with `$WUPEX_API_KEY` in place of the key ('' when there is no request to repeat). */
  reproduce: string;
}

export interface VerifyReport {
  target: { name: string; baseUrl: string };
  summary: Counts;
  lines: CheckLine[];
  findings: ReportFinding[];
  /** Which checks ran (--check narrows it); traffic: run unreported so the named pure checks had requests to judge. */
  checks?: { reported: string[]; traffic: string[] };
  /** Why the run stopped before the catalogue (key rejected, target unreachable), when it did. */
  stopped?: { code: string; message: string; hint?: string };
}

export interface ReportTarget {
  name: string;
  baseUrl: string;
}

const toFinding = (f: RunReport['findings'][number]): ReportFinding => ({
  checkId: f.checkId,
  title: f.title,
  operation: f.operation,
  severity: f.severity,
  message: f.message,
  basis: f.basis,
  reproduce: f.reproduce,
});

/** Pure: the report of a finished catalogue run. */
export function buildReport(run: Pick<RunReport, 'lines' | 'findings' | 'counts'> & Partial<Pick<RunReport, 'ran'>>, target: ReportTarget): VerifyReport {
  const base = { target: { name: target.name, baseUrl: target.baseUrl }, summary: run.counts, lines: run.lines, findings: run.findings.map(toFinding) };
  return run.ran ? { ...base, checks: run.ran } : base;
}

export const PREFLIGHT = { checkId: 'verify.preflight', title: 'The target could not be verified' } as const;

/** Pure: the report of a run stopped before any check (one failed case saying why, so CI still gets a file). */
export function stoppedReport(target: ReportTarget, error: KitError, operation: string): VerifyReport {
  const message = `${error.message}${error.hint ? ` ${error.hint}` : ''}`;
  const finding: ReportFinding = { checkId: PREFLIGHT.checkId, title: PREFLIGHT.title, operation, severity: 'critical', message, basis: { decisions: [], sources: [] }, reproduce: '' };
  const line: CheckLine = { checkId: PREFLIGHT.checkId, operation, status: 'FAIL', findings: [{ ...finding, target: target.name }] };
  return {
    target: { name: target.name, baseUrl: target.baseUrl },
    summary: { passed: 0, failed: 1, skipped: 0, unavailable: 0 },
    lines: [line],
    findings: [finding],
    stopped: { code: error.code, message: error.message, hint: error.hint },
  };
}
