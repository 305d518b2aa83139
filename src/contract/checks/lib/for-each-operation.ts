// The loop every active check shares: pick operations, skip the ones this target must not receive, collect outcomes.
import type { SpecOperation } from '../../../spec/spec.ts';
import { skip, unavailable, type OperationOutcome, type Outcome } from '../check.ts';
import type { AuthMode, CheckContext } from '../context.ts';
import { UnavailableError } from './transient.ts';

export interface ForEachOptions {
  auth: AuthMode;
  /** Operations the check concerns (default: all). */
  filter?: (operation: SpecOperation) => boolean;
}

/**
 * Run `judge` for each operation in spec order; blocked operations (read-only, orders not allowed) become SKIP, and
 * an operation whose requests stayed unavailable (429/503 after the retries) becomes UNAVAILABLE, the others still run.
 */
export async function forEachOperation(
  ctx: CheckContext,
  options: ForEachOptions,
  judge: (operation: SpecOperation) => Promise<Outcome[]>,
): Promise<OperationOutcome[]> {
  const out: OperationOutcome[] = [];
  for (const operation of ctx.spec.operations.filter(options.filter ?? (() => true))) {
    const reason = ctx.blocked(operation, options.auth);
    const seen = ctx.unavailable.length;
    const judged = reason ? [skip(reason)] : await judgeOrUnavailable(() => judge(operation));
    const outcomes = unlessUnavailable(judged, ctx.unavailable.slice(seen));
    for (const outcome of outcomes) out.push({ operation, outcome });
  }
  return out;
}

/**
 * A request that stayed unavailable while judging means the operation was not fully judged, even if the check caught
 * the error (inside a property run, say): a PASS or SKIP becomes UNAVAILABLE; a real finding still stands.
 */
function unlessUnavailable(outcomes: Outcome[], missed: string[]): Outcome[] {
  if (missed.length === 0 || outcomes.some((o) => o.kind === 'fail' || o.kind === 'unavailable')) return outcomes;
  return [unavailable(missed[0])];
}

async function judgeOrUnavailable(judge: () => Promise<Outcome[]>): Promise<Outcome[]> {
  try {
    return await judge();
  } catch (error) {
    if (error instanceof UnavailableError) return [unavailable(error.reason)];
    throw error;
  }
}
