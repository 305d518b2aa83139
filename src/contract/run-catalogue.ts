// Runs the catalogue against one target: active checks send, pure checks judge every exchange; results are values.
import type { KitError } from '../core/result.ts';
import type { LoadedDecisions } from '../spec/decisions.ts';
import type { SpecOperation } from '../spec/spec.ts';
import type { Exchange, Target } from './targets/target.ts';
import type { ActiveCheck, Check, ExchangeCheck, Finding, OperationOutcome } from './checks/check.ts';
import { crashed, fail, skip, unavailable } from './checks/check.ts';
import { createContext, type CheckContext, type RecordedExchange } from './checks/context.ts';
import { ALL_CHECKS } from './checks/index.ts';
import { curlLine } from './checks/lib/curl.ts';
import { sendPreferProbes } from './checks/lib/prefer-probes.ts';
import { createSpecIndex, type SpecIndex } from './checks/lib/spec-index.ts';
import { TargetSendError, UnavailableError, type TransientPolicy } from './checks/lib/transient.ts';
import { countLines, summariseCheck, type CheckLine, type Counts } from './summarise.ts';

export const RUN_DEFAULTS = { seed: 1, runs: 10 } as const;

export interface RunProgress {
  done: number;
  total: number;
}

export interface RunOptions {
  target: Target;
  seed?: number;
  runs?: number;
  /**
   * Run and report only these check ids. Active checks outside the list send nothing; when only pure checks are named,
   * positive.valid-request runs unreported so they have traffic to judge (see TRAFFIC_CHECK).
   */
  only?: readonly string[];
  checks?: readonly Check[];
  spec?: SpecIndex;
  /** A second account's key (isolation checks); without one they SKIP and say how to provide it. */
  secondKey?: string;
  /** The decided behaviours to expect (issue 16); default the kit's openapi/decisions.yaml. */
  decisions?: LoadedDecisions;
  /** Retry policy overrides for transient faults (tests inject a sleep that does not wait). */
  transient?: Partial<TransientPolicy>;
  /** Called as soon as a check's lines are known (streaming output), with how many checks are done. */
  onLines?: (lines: CheckLine[], progress: RunProgress) => void;
}

export interface RunReport {
  /** In the order the checks finished (active checks first, then the pure checks that judge their traffic). */
  lines: CheckLine[];
  findings: Finding[];
  counts: Counts;
  /** The first transport failure, if the target stopped answering mid-run. */
  transportError?: KitError;
  /** Which checks ran: reported ones, and active ones run only to give the named pure checks traffic. */
  ran?: RanChecks;
  /** Every exchange sent, in order, with its operation (what `--propose` reads). */
  sent?: readonly RecordedExchange[];
}

export interface RanChecks {
  reported: string[];
  traffic: string[];
}

/** The active check whose schema-valid requests a pure check judges when --check names no active check. */
export const TRAFFIC_CHECK = 'positive.valid-request';

/** Pure: which checks run for `only` (undefined: all) and which of them run unreported, for traffic. */
export function selectChecks(checks: readonly Check[], only?: readonly string[]): { run: Check[]; ran: RanChecks } {
  if (!only) return { run: [...checks], ran: { reported: checks.map((c) => c.id), traffic: [] } };
  const named = checks.filter((c) => only.includes(c.id));
  const needsTraffic = named.some((c) => c.kind === 'exchange') && !named.some((c) => c.kind === 'active');
  const traffic = needsTraffic ? checks.filter((c) => c.id === TRAFFIC_CHECK) : [];
  return { run: checks.filter((c) => named.includes(c) || traffic.includes(c)), ran: { reported: named.map((c) => c.id), traffic: traffic.map((c) => c.id) } };
}

const ALL_OPERATIONS = 'all operations';
const everyOperation = { label: ALL_OPERATIONS } as SpecOperation;

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
    if (error instanceof UnavailableError) return [{ operation: everyOperation, outcome: unavailable(error.reason) }];
    if (error instanceof TargetSendError) errors.push(error.error);
    const outcome = error instanceof TargetSendError ? fail(`the target did not answer: ${error.error.message}`) : crashed(check.id, error);
    return [{ operation: everyOperation, outcome }];
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
        return { operation, outcome: check.run(exchange, operation, ctx.spec, ctx.decisions) };
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
    // Unavailable while probing: the pure checks simply have fewer documented 429/503 answers to judge.
    else if (!(error instanceof UnavailableError)) throw error;
  }
}

/** Run every check; never throws for API misbehaviour, and a crashing check becomes a finding. */
export async function runCatalogue(options: RunOptions): Promise<RunReport> {
  const { run: checks, ran } = selectChecks(options.checks ?? ALL_CHECKS, options.only);
  const spec = options.spec ?? createSpecIndex();
  const { target } = options;
  const ctx = createContext({ target, spec, seed: options.seed ?? RUN_DEFAULTS.seed, runs: options.runs ?? RUN_DEFAULTS.runs, secondKey: options.secondKey, decisions: options.decisions, transient: options.transient });
  const errors: KitError[] = [];
  const reported = (check: Check) => !options.only || options.only.includes(check.id);
  const total = checks.filter(reported).length;
  const lines: CheckLine[] = [];
  const summaryOptions = { target: target.name, reproduce: (exchange: Exchange) => curlLine(exchange.request, target.apiKey, ctx.secondKey) };
  let done = 0;
  const record = (check: Check, outcomes: OperationOutcome[]) => {
    if (!reported(check)) return;
    const own = summariseCheck(check, outcomes, summaryOptions);
    lines.push(...own);
    options.onLines?.(own, { done: ++done, total });
  };
  for (const check of checks) if (check.kind === 'active') record(check, await runActive(check, ctx, errors));
  const pure = checks.filter((c): c is ExchangeCheck => c.kind === 'exchange');
  // The documented-429/503 probes exist only for the pure checks to judge: --check without a pure check sends none.
  if (!options.only || pure.length > 0) await probe(ctx, errors);
  for (const check of pure) record(check, runPure(check, ctx));
  return { lines, findings: lines.flatMap((l) => l.findings), counts: countLines(lines), transportError: errors[0], ran, sent: ctx.exchanges };
}

export { ALL_OPERATIONS };
