// Turns flags and environment into one Target, refusing unsafe combinations before anything is sent.
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import type { KitEnv } from '../../cli/env.ts';
import type { LoadedDecisions } from '../../spec/decisions.ts';
import { checkOutboundUrl } from '../../http/url-rules.ts';
import { startPrismCli } from '../../process/prism-cli.ts';
import { err, kitError, ok, type Result } from '../../core/result.ts';
import { httpTarget } from './http-target.ts';
import { fetchTarget } from './mock-target.ts';
import { hostOf, isLoopback, missingFor, TARGET_NAMES, type ChosenTarget } from './profiles.ts';
import type { Target, TargetName } from './target.ts';

export interface TargetRequest {
  target?: string;
  baseUrl?: string;
  allowOrders?: boolean;
  /** Per-request limits for HTTP targets (verify --timeout, --deadline, --max-response-bytes); default the outbound path's. */
  limits?: { timeoutMs?: number; deadlineMs?: number; maxResponseBytes?: number };
  env: KitEnv;
  /** The profile the in-process twin follows (verify --decisions); default the kit's openapi/decisions.yaml. */
  decisions?: LoadedDecisions;
}

const usage = (message: string, hint: string) => err(kitError('CONFIG_INVALID', message, { hint }));

/**
 * Check the URL before any request, with the outbound path's rules (url-rules.ts): https, or http to loopback only;
 * no credentials; the production host, however spelled (trailing dot, %2E, case, IDN), only for --target production.
 */
export function checkUrl(raw: string, target: string | undefined): Result<URL> {
  const checked = checkOutboundUrl(raw, { source: '--base-url', allowProduction: target === 'production' });
  if (checked.ok) return checked;
  if (checked.error.code === 'PRODUCTION_REFUSED') {
    return usage(`Refusing to run against production (${new URL(raw).origin}) without --target production.`, 'Pass --target production for a read-only run, or use the sandbox.');
  }
  if (checked.error.code === 'INSECURE_BASE_URL') {
    const { origin } = new URL(raw);
    return usage(`Refusing to send the API key to ${origin}: plain http is allowed only to loopback (127.0.0.1, localhost, ::1).`, 'Use https://, or run the target on this machine.');
  }
  // Every refusal is a usage error (exit 2): nothing has been sent.
  return err({ ...checked.error, code: 'CONFIG_INVALID' });
}

/** For the twin a demo key is the key; elsewhere WUPEX_API_KEY (env or .env) is required. */
function requireKey(env: KitEnv, where: string): Result<string> {
  if (env.WUPEX_API_KEY) return ok(env.WUPEX_API_KEY);
  return usage(`WUPEX_API_KEY is not set, and ${where} needs a key.`, 'Export WUPEX_API_KEY (or put it in .env); never pass it as an argument.');
}

/** Merchant code: WUPEX_MERCHANT_CODE, else the twin's demo account when the key is a demo key. */
function merchantFor(env: KitEnv, key: string): string | undefined {
  return env.WUPEX_MERCHANT_CODE ?? DEMO_ACCOUNTS.find((a) => a.key === key)?.merchantCode;
}

export async function resolveTarget(request: TargetRequest): Promise<Result<Target>> {
  const chosen = request.target;
  if (chosen !== undefined && !TARGET_NAMES.includes(chosen as ChosenTarget)) {
    return usage(`Unknown --target "${chosen}".`, `Valid values: ${TARGET_NAMES.join(', ')}.`);
  }
  if (chosen === 'production' && request.allowOrders) return usage('--allow-orders cannot be used with --target production.', 'Production runs are read-only; drop --allow-orders.');
  if (request.baseUrl !== undefined) return urlTarget(request, request.baseUrl);
  if (chosen === 'sandbox' || chosen === 'production') return urlTarget(request, hostOf(chosen));
  if (chosen === 'prism') return prismTarget(request.env, request.limits);
  const account = DEMO_ACCOUNTS[0];
  // Loaded on demand: the twin pulls in prism-http, which usage errors and URL targets never need.
  const { createMockServer } = await import('../../../mocks/server.ts');
  const server = await createMockServer({ decisions: request.decisions });
  return ok(fetchTarget({ server, apiKey: account.key, merchantCode: account.merchantCode }));
}

async function prismTarget(env: KitEnv, limits: TargetRequest['limits']): Promise<Result<Target>> {
  const prism = await startPrismCli();
  if (!prism.ok) return prism;
  const key = env.WUPEX_API_KEY ?? DEMO_ACCOUNTS[0].key;
  return ok(httpTarget({ name: 'prism', baseUrl: prism.value.url, apiKey: key, merchantCode: merchantFor(env, key) ?? DEMO_ACCOUNTS[0].merchantCode, missing: missingFor('prism', true), onClose: prism.value.close, ...limits }));
}

/** A URL target; a bare --base-url is held to the sandbox's standard (every capability) unless --target says otherwise. */
function urlTarget(request: TargetRequest, raw: string): Result<Target> {
  const url = checkUrl(raw, request.target);
  if (!url.ok) return url;
  const key = requireKey(request.env, url.value.origin);
  if (!key.ok) return key;
  const name: TargetName = request.baseUrl !== undefined && request.target === undefined ? 'base-url' : (request.target as TargetName);
  const allowOrders = request.allowOrders === true || (isLoopback(url.value) && name !== 'production');
  // rateLimitRetries 0: the check context retries 429/503 itself (src/contract/checks/lib/transient.ts, S11), with waits capped
  // short on loopback; a second retry loop underneath would multiply the waits.
  return ok(httpTarget({ name, baseUrl: url.value.origin + url.value.pathname.replace(/\/+$/, ''), apiKey: key.value, merchantCode: merchantFor(request.env, key.value), readOnly: name === 'production', missing: missingFor(name, allowOrders, isLoopback(url.value)), rateLimitRetries: 0, ...request.limits }));
}
