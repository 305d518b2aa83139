// verify(): the programmatic `npm run verify`: resolve the target, wait for a loopback port, probe it, run the catalogue, close.
import { ALL_CHECKS } from '../../../tests/checks/index.ts';
import { buildRequest } from '../../../tests/checks/context.ts';
import { runCatalogue, type RunReport } from '../../../tests/checks/run-catalogue.ts';
import { createSpecIndex } from '../../../tests/checks/lib/spec-index.ts';
import { resolveTarget } from '../../../tests/targets/resolve-target.ts';
import type { Target, TargetName } from '../../../tests/targets/target.ts';
import { isLoopbackHost } from '../../client/base-url.ts';
import { loadKitEnv, type KitEnv } from '../env.ts';
import { err, kitError, ok, type KitError, type Result } from '../result.ts';
import { waitForPort, WAIT_DEFAULTS } from '../wait-for-port.ts';
import { VERIFY_DEFAULTS } from './args.ts';

export interface VerifyOptions {
  /** mock (default: the twin in-process), prism, sandbox or production. */
  target?: 'mock' | 'prism' | 'sandbox' | 'production';
  /** Any server: https, or plain http to loopback only. */
  baseUrl?: string;
  allowOrders?: boolean;
  seed?: number;
  runs?: number;
  /** Report only these check ids. */
  checks?: string[];
  /** Where WUPEX_API_KEY / WUPEX_MERCHANT_CODE come from; default the environment, then .env. */
  env?: KitEnv;
  /** How long to wait for a loopback --base-url port to open (default 5000 ms). */
  waitMs?: number;
  /** Called once the target answered, before the checks run (the CLI prints its banner here). */
  onStart?: (target: VerifiedTarget) => void;
}

export interface VerifiedTarget {
  name: TargetName;
  baseUrl: string;
  /** True for the default target: the twin called in-process, no port. */
  inProcess: boolean;
}

export interface VerifyReport extends RunReport {
  target: VerifiedTarget;
}

/** A loopback target gets a few seconds to open its port; a remote one is probed at once. */
async function awaitLoopback(baseUrl: string | undefined, waitMs: number): Promise<Result<void>> {
  if (baseUrl === undefined) return ok(undefined);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return ok(undefined);
  }
  if (!isLoopbackHost(url.hostname)) return ok(undefined);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (await waitForPort(url.hostname.replace(/^\[|\]$/g, ''), port, { timeoutMs: waitMs })) return ok(undefined);
  return err(kitError('TARGET_UNREACHABLE', `Nothing is listening on ${url.host} (waited ${waitMs} ms): ${url.origin}`, {
    hint: `Start the twin first (npm run mock -- --port ${port}), or drop --base-url to verify the twin in-process.`,
  }));
}

/** One cheap read-only request first, so an unreachable target is one clear error, not a finding per check. */
async function probe(target: Target): Promise<Result<void, KitError>> {
  const balance = createSpecIndex().operations.find((o) => o.operationId === 'getBalance');
  if (!balance) return ok(undefined);
  const result = await target.send(buildRequest(target, { operation: balance }));
  return result.ok ? ok(undefined) : err(result.error);
}

/** Run the check catalogue against one target. Errors: CONFIG_INVALID (refused before sending), TARGET_UNREACHABLE / TARGET_TIMEOUT. */
export async function verify(options: VerifyOptions = {}): Promise<Result<VerifyReport>> {
  if (options.checks) {
    const unknown = options.checks.filter((id) => !ALL_CHECKS.some((c) => c.id === id));
    if (unknown.length) return err(kitError('CONFIG_INVALID', `Unknown check id(s) ${unknown.join(', ')}.`, { hint: `Valid ids: ${ALL_CHECKS.map((c) => c.id).join(', ')}.` }));
  }
  const resolved = await resolveTarget({ target: options.target, baseUrl: options.baseUrl, allowOrders: options.allowOrders, env: options.env ?? loadKitEnv() });
  if (!resolved.ok) return resolved;
  const target = resolved.value;
  try {
    const waited = await awaitLoopback(options.baseUrl === undefined ? undefined : target.baseUrl, options.waitMs ?? WAIT_DEFAULTS.timeoutMs);
    if (!waited.ok) return waited;
    const reachable = await probe(target);
    if (!reachable.ok) return reachable;
    const info: VerifiedTarget = { name: target.name, baseUrl: target.baseUrl, inProcess: target.name === 'mock' };
    options.onStart?.(info);
    const report = await runCatalogue({ target, seed: options.seed ?? VERIFY_DEFAULTS.seed, runs: options.runs ?? VERIFY_DEFAULTS.runs, only: options.checks });
    return ok({ ...report, target: info });
  } finally {
    await target.close();
  }
}
