// Runs the catalogue against one target: active checks send, pure checks judge every exchange; results are values.
import type { KitError } from '../../scripts/lib/result.ts';
import type { SpecOperation } from '../../scripts/lib/spec.ts';
import type { Target } from '../targets/target.ts';
import type { ActiveCheck, Check, ExchangeCheck, Finding, OperationOutcome } from './check.ts';
import { crashed, fail, skip } from './check.ts';
import { createContext, TargetSendError, type CheckContext } from './context.ts';
import { ALL_CHECKS } from './index.ts';
import { curlLine } from './lib/curl.ts';
import { sendPreferProbes } from './lib/prefer-probes.ts';
import { createSpecIndex, type SpecIndex } from './lib/spec-index.ts';
import { summarise, type CheckLine } from './summarise.ts';

export const RUN_DEFAULTS = { seed: 1, runs: 10 } as const;

export interface RunOptions {
  target: Target;
  seed?: number;
  runs?: number;
  /** Report only these check ids (all active checks still run, so pure checks have exchanges to judge). */
  only?: readonly string[];
  checks?: readonly Check[];
  spec?: SpecIndex;
}

export interface RunReport {
  lines: CheckLine[];
  findings: Finding[];
  counts: { passed: number; failed: number; skipped: number };
  /** The first transport failure, if the target stopped answering mid-run. */
  transportError?: KitError;
}

const ALL_OPERATIONS = 'all operations';

/** The capability this target lacks for a check, as a SKIP reason. */
function missingCapability(check: Check, target: Target): string | undefined {
  const missing = (check.requires ?? []).find((c) => target.missing[c] !== undefined);
  return missing ? target.missing[missing] : undefined;
}

async function runActive(check: ActiveCheck, ctx: CheckContext, errors: KitError[]): Promise<OperationOutcome[]> {
  const applies = ctx.spec.operations.filter(check.appliesTo ?? (() => true));
  const reason = missingCapability(check, ctx.target);
  if (reason) return applies.map((operation) => ({ operation, outcome: skip(reason) }));
  try {
    return await check.run(ctx);
  } catch (error) {
    if (error instanceof TargetSendError) errors.push(error.error);
    const outcome = error instanceof TargetSendError ? fail(`the target did not answer: ${error.error.message}`) : crashed(check.id, error);
    return [{ operation: { label: ALL_OPERATIONS } as SpecOperation, outcome }];
  }
}

function runPure(check: ExchangeCheck, ctx: CheckContext): OperationOutcome[] {
  const reason = missingCapability(check, ctx.target);
  return ctx.spec.operations.flatMap((operation) => {
    const recorded = ctx.exchanges.filter((r) => r.operation === operation);
    if (reason) return [{ operation, outcome: skip(reason) }];
    if (recorded.length === 0) return [{ operation, outcome: skip('no response was received for this operation') }];
    return recorded.map(({ exchange }) => {
      try {
        return { operation, outcome: check.run(exchange, operation, ctx.spec) };
      } catch (error) {
        return { operation, outcome: crashed(check.id, error, exchange) };
      }
    });
  });
}

async function probe(ctx: CheckContext, errors: KitError[]): Promise<void> {
  try {
    await sendPreferProbes(ctx);
  } catch (error) {
    if (error instanceof TargetSendError) errors.push(error.error);
    else throw error;
  }
}

/** Run every check; never throws for API misbehaviour, and a crashing check becomes a finding. */
export async function runCatalogue(options: RunOptions): Promise<RunReport> {
  const checks = options.checks ?? ALL_CHECKS;
  const spec = options.spec ?? createSpecIndex();
  const ctx = createContext({ target: options.target, spec, seed: options.seed ?? RUN_DEFAULTS.seed, runs: options.runs ?? RUN_DEFAULTS.runs });
  const errors: KitError[] = [];
  const results = new Map<Check, OperationOutcome[]>();
  for (const check of checks) if (check.kind === 'active') results.set(check, await runActive(check, ctx, errors));
  await probe(ctx, errors);
  for (const check of checks) if (check.kind === 'exchange') results.set(check, runPure(check, ctx));
  const reported = checks.filter((c) => !options.only || options.only.includes(c.id));
  const summary = summarise(reported.map((check) => ({ check, outcomes: results.get(check) ?? [] })), {
    target: options.target.name,
    reproduce: (exchange) => curlLine(exchange.request, options.target.apiKey),
  });
  return { ...summary, transportError: errors[0] };
}

export { ALL_OPERATIONS };
