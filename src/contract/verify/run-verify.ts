// verify as a library: preflight the key, run the catalogue, build the report and the exit code; no printing, no exit.
import { buildRequest, type RecordedExchange } from '../checks/context.ts';
import type { Check } from '../checks/check.ts';
import { createSpecIndex, type SpecIndex } from '../checks/lib/spec-index.ts';
import { sendWithRetry, TargetSendError, transientPolicy, UnavailableError, type TransientPolicy } from '../checks/lib/transient.ts';
import { runCatalogue, type RunProgress } from '../run-catalogue.ts';
import type { CheckLine } from '../summarise.ts';
import type { Target } from '../targets/target.ts';
import { EXIT } from '../../cli/flags.ts';
import { kitDecisions, type LoadedDecisions } from '../../spec/decisions.ts';
import { kitError, type KitError } from '../../core/result.ts';
import { buildReport, stoppedReport, type VerifyReport } from '../report/report.ts';

export interface VerifyOptions {
  target: Target;
  seed?: number;
  runs?: number;
  only?: readonly string[];
  checks?: readonly Check[];
  /** A second account's key on the same target (WUPEX_API_KEY_2): the isolation check needs one. */
  secondKey?: string;
  /** The decided behaviours the checks expect (issue 16); default the kit's openapi/decisions.yaml. */
  decisions?: LoadedDecisions;
  transient?: Partial<TransientPolicy>;
  /** Each check's lines as soon as it finishes. */
  onLines?: (lines: CheckLine[], progress: RunProgress) => void;
  spec?: SpecIndex;
}

export interface VerifyResult {
  report: VerifyReport;
  /** 0 nothing failed, 1 a finding, 2 the key was rejected, 3 unreachable or some check could not be judged. */
  exitCode: number;
  /** What stopped the run or cut it short (for the error line). */
  error?: KitError;
  /** Every exchange of the run, in order (empty when it stopped before the checks): what `--propose` reads. */
  exchanges: readonly RecordedExchange[];
  /** The decisions the target was held to. */
  decisions: LoadedDecisions;
}

export const KEY_REJECTED = 'KEY_REJECTED';

/** getBalance with the key, before anything else: a wrong key or a dead target stops the run with one clear message. */
async function preflight(target: Target, spec: SpecIndex, transient?: Partial<TransientPolicy>): Promise<KitError | undefined> {
  const balance = spec.operations.find((o) => o.operationId === 'getBalance');
  if (!balance) return undefined;
  try {
    const exchange = await sendWithRetry(target, buildRequest(target, { operation: balance }), transientPolicy(target, transient));
    if (exchange.response.status !== 401) return undefined;
    return kitError(KEY_REJECTED, 'the target rejected WUPEX_API_KEY (401 UNAUTHORIZED); check which environment the key belongs to', {
      hint: `A sandbox key works only on the sandbox, a production key only on production; ${target.baseUrl} is the target.`,
    });
  } catch (error) {
    if (error instanceof TargetSendError) return error.error;
    if (error instanceof UnavailableError) return kitError('TARGET_UNAVAILABLE', `The target stayed unavailable: ${error.reason}.`, { hint: 'Try again later; the sandbox may be rate limiting or down.' });
    throw error;
  }
}

/** Run verify against a resolved target; the caller prints, writes reports and exits. */
export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const { target } = options;
  const decisions = options.decisions ?? kitDecisions();
  const spec = options.spec ?? createSpecIndex();
  const stop = await preflight(target, spec, options.transient);
  if (stop) {
    const exitCode = stop.code === KEY_REJECTED ? EXIT.usage : EXIT.unreachable;
    return { report: stoppedReport(target, stop, 'GET /api/customer/balance'), exitCode, error: stop, exchanges: [], decisions };
  }
  const run = await runCatalogue({ ...options, spec, decisions });
  const report = buildReport(run, target);
  const exchanges = run.sent ?? [];
  if (run.transportError) return { report, exitCode: EXIT.unreachable, error: run.transportError, exchanges, decisions };
  if (run.counts.failed > 0) return { report, exitCode: EXIT.findings, exchanges, decisions };
  if (run.counts.unavailable > 0) {
    const error = kitError('TARGET_UNAVAILABLE', `${run.counts.unavailable} check line(s) could not be judged: the target kept answering 429/503 (or resetting the connection) after the retries.`, { hint: 'They are marked UNAVAILABLE above; run again later.' });
    return { report, exitCode: EXIT.unreachable, error, exchanges, decisions };
  }
  return { report, exitCode: EXIT.ok, exchanges, decisions };
}
