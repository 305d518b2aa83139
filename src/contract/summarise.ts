// Folds outcomes into one line per check and operation, and deduplicated findings (checkId + operation + message).
import type { Exchange } from './targets/target.ts';
import type { Check, Finding, OperationOutcome } from './checks/check.ts';
import { NO_BASIS } from './checks/check.ts';

export type LineStatus = 'PASS' | 'FAIL' | 'SKIP' | 'UNAVAILABLE';

export interface CheckLine {
  checkId: string;
  operation: string;
  status: LineStatus;
  /** SKIP or UNAVAILABLE reason. */
  reason?: string;
  findings: Finding[];
}

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** Lines that could not be judged: the target stayed unavailable (429/503, connection resets) after the retries. */
  unavailable: number;
}

export interface SummariseOptions {
  target: string;
  reproduce: (exchange: Exchange) => string;
}

function findingsOf(check: Check, operation: string, outcomes: OperationOutcome[], options: SummariseOptions): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { outcome } of outcomes) {
    if (outcome.kind !== 'fail' || seen.has(outcome.message)) continue;
    seen.add(outcome.message);
    const reproduce = outcome.exchange ? options.reproduce(outcome.exchange) : '';
    const basis = outcome.basis ?? check.basis ?? NO_BASIS;
    findings.push({ checkId: check.id, title: outcome.title ?? check.title, severity: check.severity, operation, target: options.target, message: outcome.message, basis, reproduce });
  }
  return findings;
}

/** FAIL if any outcome failed, else UNAVAILABLE if any could not be judged, else PASS if any passed, else SKIP with the first reason. */
function fold(check: Check, operation: string, outcomes: OperationOutcome[], options: SummariseOptions): CheckLine {
  const findings = findingsOf(check, operation, outcomes, options);
  const line = { checkId: check.id, operation, findings };
  if (findings.length) return { ...line, status: 'FAIL' };
  const down = outcomes.find((o) => o.outcome.kind === 'unavailable')?.outcome;
  if (down?.kind === 'unavailable') return { ...line, status: 'UNAVAILABLE', reason: down.reason };
  if (outcomes.some((o) => o.outcome.kind === 'pass')) return { ...line, status: 'PASS' };
  const first = outcomes.find((o) => o.outcome.kind === 'skip')?.outcome;
  return { ...line, status: 'SKIP', reason: first?.kind === 'skip' ? first.reason : 'nothing was checked' };
}

/** The lines of one check, one per operation label in the order the outcomes name them. */
export function summariseCheck(check: Check, outcomes: OperationOutcome[], options: SummariseOptions): CheckLine[] {
  const labels = [...new Set(outcomes.map((o) => o.operation.label))];
  return labels.map((label) => fold(check, label, outcomes.filter((o) => o.operation.label === label), options));
}

export function countLines(lines: readonly CheckLine[]): Counts {
  const count = (s: LineStatus) => lines.filter((l) => l.status === s).length;
  return { passed: count('PASS'), failed: count('FAIL'), skipped: count('SKIP'), unavailable: count('UNAVAILABLE') };
}

export function summarise(results: { check: Check; outcomes: OperationOutcome[] }[], options: SummariseOptions) {
  const lines = results.flatMap(({ check, outcomes }) => summariseCheck(check, outcomes, options));
  return { lines, findings: lines.flatMap((l) => l.findings), counts: countLines(lines) };
}
