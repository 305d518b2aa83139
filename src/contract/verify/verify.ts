// verify(): the public, programmatic `npm run verify` (wupex-contract/verify): resolve the target, wait for a loopback port, run, close.
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { resolveTarget, type TargetRequest } from '../targets/resolve-target.ts';
import type { Target, TargetName } from '../targets/target.ts';
import { isLoopbackHost } from '../../http/base-url.ts';
import { loadKitEnv, type KitEnv } from '../../cli/env.ts';
import { EXIT } from '../../cli/flags.ts';
import { err, kitError, ok, type Result } from '../../core/result.ts';
import { resolveDecisions, type Decisions, type LoadedDecisions } from '../../spec/decisions.ts';
import { waitForPort, WAIT_DEFAULTS } from '../../process/wait-for-port.ts';
import { stoppedReport } from '../report/report.ts';
import { createSpecIndex, type SpecIndex } from '../checks/lib/spec-index.ts';
import { loadSpec } from '../../spec/spec.ts';
import { runVerify, type VerifyOptions as RunOptions, type VerifyResult } from './run-verify.ts';

export interface VerifyOptions extends Pick<RunOptions, 'seed' | 'runs' | 'only' | 'onLines' | 'transient'> {
  /** mock (default: the twin in-process), prism, sandbox or production. */
  target?: 'mock' | 'prism' | 'sandbox' | 'production';
  /** Any server: https, or plain http to loopback only. */
  baseUrl?: string;
  allowOrders?: boolean;
  limits?: TargetRequest['limits'];
  /**
   * The decided behaviours to hold the target to (issue 16): a decisions YAML file or the object; default the kit's
   * openapi/decisions.yaml. The in-process twin is started with the same profile.
   */
  decisions?: string | Decisions | LoadedDecisions;
  /** The spec the checks hold the target to (a path); default the kit's openapi/wupex.yaml (an adopted copy in tests). */
  spec?: string;
  /** Where WUPEX_API_KEY (and _2) / WUPEX_MERCHANT_CODE come from; default the environment, then .env. */
  env?: KitEnv;
  /** How long to wait for a loopback base URL's port to open (default 5000 ms). */
  waitMs?: number;
  /** Wrap the resolved target (npm run verify --record puts a HAR recorder around it). */
  wrapTarget?: (target: Target) => Target;
  /** Called once the target is resolved and answers its port, before the checks run (the CLI prints its banner here). */
  onStart?: (target: VerifiedTarget) => void;
}

export interface VerifiedTarget {
  name: TargetName;
  baseUrl: string;
  /** True for the default target: the twin called in-process, no port. */
  inProcess: boolean;
}

/** The in-process twin uses its other demo account; any other target needs WUPEX_API_KEY_2. */
export function secondKeyFor(target: Target, env: KitEnv): string | undefined {
  if (target.name === 'mock') return DEMO_ACCOUNTS.find((a) => a.key !== target.apiKey)?.key;
  return env.WUPEX_API_KEY_2;
}

/** A loopback target gets a few seconds to open its port (`npm run mock & npm run verify` must not race); a remote one is asked at once. */
export async function awaitLoopback(baseUrl: string, waitMs: number): Promise<Result<void>> {
  const url = new URL(baseUrl);
  if (!isLoopbackHost(url.hostname)) return ok(undefined);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (await waitForPort(url.hostname.replace(/^\[|\]$/g, ''), port, { timeoutMs: waitMs })) return ok(undefined);
  return err(kitError('TARGET_UNREACHABLE', `Nothing is listening on ${url.host} (waited ${waitMs} ms): ${url.origin}`, {
    hint: `Start the twin first (npm run mock -- --port ${port}), or drop --base-url to verify the twin in-process.`,
  }));
}

/** The checks' view of a spec file (default the kit's), or SPEC_INVALID naming why it cannot be read. */
function specIndexAt(path: string | undefined): Result<SpecIndex | undefined> {
  if (path === undefined) return ok(undefined);
  try {
    return ok(createSpecIndex(loadSpec(path)));
  } catch (cause) {
    return err(kitError('SPEC_INVALID', `[wupex-kit] SPEC_INVALID: ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: 'Point at an OpenAPI file that `npm run lint:spec` accepts.', cause }));
  }
}

/**
 * Run the check catalogue against one target and return the report with the exit code `npm run verify` would use.
 * Refused before sending (CONFIG_INVALID) is an error value; an unreachable target is a stopped report with exit code 3.
 */
export async function verify(options: VerifyOptions = {}): Promise<Result<VerifyResult>> {
  const env = options.env ?? loadKitEnv();
  const decisions = resolveDecisions(options.decisions);
  if (!decisions.ok) return decisions;
  const spec = specIndexAt(options.spec);
  if (!spec.ok) return spec;
  const resolved = await resolveTarget({ target: options.target, baseUrl: options.baseUrl, allowOrders: options.allowOrders, limits: options.limits, env, decisions: decisions.value });
  if (!resolved.ok) return resolved;
  const target = options.wrapTarget ? options.wrapTarget(resolved.value) : resolved.value;
  try {
    if (options.baseUrl !== undefined) {
      const waited = await awaitLoopback(target.baseUrl, options.waitMs ?? WAIT_DEFAULTS.timeoutMs);
      // Stopped like a failed preflight: the report (one failed case saying why) is still written.
      if (!waited.ok) return ok({ report: stoppedReport(target, waited.error, 'GET /api/customer/balance'), exitCode: EXIT.unreachable, error: waited.error, exchanges: [], decisions: decisions.value });
    }
    options.onStart?.({ name: target.name, baseUrl: target.baseUrl, inProcess: target.name === 'mock' });
    const { env: _env, target: _target, baseUrl: _baseUrl, allowOrders: _allow, limits: _limits, waitMs: _wait, onStart: _onStart, wrapTarget: _wrap, decisions: _decisions, spec: _spec, ...run } = options;
    return ok(await runVerify({ ...run, target, secondKey: secondKeyFor(target, env), decisions: decisions.value, spec: spec.value }));
  } finally {
    await target.close();
  }
}
