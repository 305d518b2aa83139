// Folds outcomes into one line per check and operation, and deduplicated findings (checkId + operation + message).
import type { Exchange } from '../targets/target.ts';
import type { Check, Finding, OperationOutcome } from './check.ts';

export interface CheckLine {
  checkId: string;
  operation: string;
  status: 'PASS' | 'FAIL' | 'SKIP';
  /** SKIP reason. */
  reason?: string;
  findings: Finding[];
}

export interface SummariseOptions {
  target: string;
  reproduce: (exchange: Exchange) => string;
}

/** FAIL if any outcome failed, else PASS if any passed, else SKIP with the first reason. */
function fold(check: Check, operation: string, outcomes: OperationOutcome[], options: SummariseOptions): CheckLine {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { outcome } of outcomes) {
    if (outcome.kind !== 'fail' || seen.has(outcome.message)) continue;
    seen.add(outcome.message);
    const reproduce = outcome.exchange ? options.reproduce(outcome.exchange) : '';
    findings.push({ checkId: check.id, title: outcome.title ?? check.title, severity: check.severity, operation, target: options.target, message: outcome.message, reproduce });
  }
  if (findings.length) return { checkId: check.id, operation, status: 'FAIL', findings };
  if (outcomes.some((o) => o.outcome.kind === 'pass')) return { checkId: check.id, operation, status: 'PASS', findings };
  const first = outcomes.find((o) => o.outcome.kind === 'skip')?.outcome;
  return { checkId: check.id, operation, status: 'SKIP', reason: first?.kind === 'skip' ? first.reason : 'nothing was checked', findings };
}

export function summarise(results: { check: Check; outcomes: OperationOutcome[] }[], options: SummariseOptions) {
  const lines: CheckLine[] = [];
  for (const { check, outcomes } of results) {
    const labels = [...new Set(outcomes.map((o) => o.operation.label))];
    for (const label of labels) lines.push(fold(check, label, outcomes.filter((o) => o.operation.label === label), options));
  }
  const count = (s: CheckLine['status']) => lines.filter((l) => l.status === s).length;
  return { lines, findings: lines.flatMap((l) => l.findings), counts: { passed: count('PASS'), failed: count('FAIL'), skipped: count('SKIP') } };
}
