// The loop every active check shares: pick operations, skip the ones this target must not receive, collect outcomes.
import type { SpecOperation } from '../../../scripts/lib/spec.ts';
import { skip, type OperationOutcome, type Outcome } from '../check.ts';
import type { AuthMode, CheckContext } from '../context.ts';

export interface ForEachOptions {
  auth: AuthMode;
  /** Operations the check concerns (default: all). */
  filter?: (operation: SpecOperation) => boolean;
}

/** Run `judge` for each operation in spec order; blocked operations (read-only, orders not allowed) become SKIP. */
export async function forEachOperation(
  ctx: CheckContext,
  options: ForEachOptions,
  judge: (operation: SpecOperation) => Promise<Outcome[]>,
): Promise<OperationOutcome[]> {
  const out: OperationOutcome[] = [];
  for (const operation of ctx.spec.operations.filter(options.filter ?? (() => true))) {
    const reason = ctx.blocked(operation, options.auth);
    const outcomes = reason ? [skip(reason)] : await judge(operation);
    for (const outcome of outcomes) out.push({ operation, outcome });
  }
  return out;
}
