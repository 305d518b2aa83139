// The loop of every rejection check: per operation, a valid base request (the control) and the probes built from it.
import type { SpecOperation } from '../../../spec/spec.ts';
import type { OperationOutcome, Outcome } from '../check.ts';
import type { AuthMode, CheckContext, RequestSpec } from '../context.ts';
import { validBase } from './base-request.ts';
import { forEachOperation } from './for-each-operation.ts';
import { probeRejection, type RejectionProbe } from './rejection.ts';

export type ProbeWithoutControl = Omit<RejectionProbe, 'control'>;

export interface ProbeEachOptions {
  auth: AuthMode;
  filter?: (operation: SpecOperation) => boolean;
}

/** For each operation: build the probes from its valid base request, which is also their control. */
export function probeEach(
  ctx: CheckContext,
  options: ProbeEachOptions,
  make: (base: RequestSpec, operation: SpecOperation) => ProbeWithoutControl | ProbeWithoutControl[],
): Promise<OperationOutcome[]> {
  return forEachOperation(ctx, options, async (operation) => {
    const base = await validBase(ctx, operation);
    const outcomes: Outcome[] = [];
    for (const probe of [make(base, operation)].flat()) outcomes.push(await probeRejection(ctx, operation, { ...probe, control: base }));
    return outcomes;
  });
}
