// Runs the doctor's checks concurrently, prints one line per check in list order (plus its fix), and returns the exit code.
import { EXIT } from '../cli/flags.ts';
import type { DoctorCheck, DoctorContext, DoctorResult } from './doctor-check.ts';

const LABEL = { ok: 'ok', warn: 'warn', fail: 'FAIL', skip: 'skip' } as const;

/** "FAIL dependencies: node_modules is missing" and, indented below, "fix: Run: npm ci". */
export function formatResult(id: string, result: DoctorResult): string {
  const head = `${LABEL[result.status].padEnd(4)} ${id}: ${result.what}`;
  if (!result.fix || result.status === 'ok' || result.status === 'skip') return head;
  return [head, ...result.fix.split('\n').map((line) => `     fix: ${line}`)].join('\n');
}

/** A check that throws is a bug in the check, reported as its own FAIL line; it never stops the others. */
async function runOne(check: DoctorCheck, context: DoctorContext): Promise<DoctorResult> {
  try {
    return await check.run(context);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { status: 'fail', what: `check crashed: ${message}`, fix: 'This is a kit bug; please report it with this line.' };
  }
}

export interface DoctorReport {
  results: Array<{ id: string; result: DoctorResult }>;
  exitCode: number;
}

/** Exit 1 when any check FAILs; warnings (a missing key, no network) keep it 0. */
export async function runDoctor(checks: readonly DoctorCheck[], context: DoctorContext, print: (line: string) => void): Promise<DoctorReport> {
  const settled = await Promise.all(checks.map((check) => runOne(check, context)));
  const results = checks.map((check, i) => ({ id: check.id, result: settled[i] }));
  for (const { id, result } of results) print(formatResult(id, result));
  const failed = results.filter((r) => r.result.status === 'fail').length;
  const warned = results.filter((r) => r.result.status === 'warn').length;
  print(failed > 0 ? `${failed} problem(s) to fix, ${warned} warning(s).` : `No problems${warned ? `, ${warned} warning(s)` : ''}.`);
  return { results, exitCode: failed > 0 ? EXIT.findings : EXIT.ok };
}
