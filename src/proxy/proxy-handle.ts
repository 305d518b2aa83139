// One request through the proxy: validate it, forward it (or refuse it under --enforce), check the answer, count, log, record.
import { mutates, type SpecIndex } from '../contract/checks/lib/spec-index.ts';
import type { Exchange, ExchangeResponse } from '../contract/targets/target.ts';
import type { HarWriter } from '../har/writer.ts';
import { createSanitiser, fingerprint } from '../secrets/redact.ts';
import type { KitError } from '../core/result.ts';
import type { ProxyRequest, RequestVerdict } from './inspect-request.ts';
import { inspectResponse } from './inspect-response.ts';
import { oversize } from './oversize.ts';
import { bump, type ProxyStats } from './summary.ts';
import type { Upstream } from './upstream.ts';
import { envelopeAnswer, upstreamFailure, type ProxyAnswer } from './upstream-failure.ts';
import { violationLine, type Violation } from './violations.ts';

export const VIOLATIONS_HEADER = 'x-wupex-violations';
/** Log lines are cut here (after redaction): an upstream can send anything. */
export const LOG_DEFAULTS = { maxLineChars: 500, keysCached: 16 } as const;

export interface ProxyHandleDeps {
  /** Where requests go (resolveUpstream): the twin in-process, or a URL through the outbound path. */
  upstream: Pick<Upstream, 'url' | 'send'>;
  enforce: boolean;
  inspectRequest(request: ProxyRequest): Promise<RequestVerdict>;
  spec: SpecIndex;
  stats: ProxyStats;
  /** One line out (the reporter: prefixed, redacted). */
  log(line: string): void;
  writer?: HarWriter;
}

/** Hop-by-hop and transport headers: never passed on (RFC 9110 §7.6.1), plus accept-encoding (bodies are checked as text). */
const REQUEST_DROPPED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length', 'accept-encoding', 'expect']);
const RESPONSE_DROPPED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

const without = (headers: Record<string, string>, dropped: Set<string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name)));

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

const search = (query: Record<string, string>) => {
  const s = new URLSearchParams(query).toString();
  return s ? `?${s}` : '';
};

/**
 * Forward to the upstream: the exchange as the checks read it, or why the app gets none. A 3xx counts as a failure (never
 * followed, the app gets a 502) but keeps its exchange, so the recording holds it like any other answer (issue 17 #8).
 */
async function send(deps: ProxyHandleDeps, request: ProxyRequest, path: string): Promise<{ exchange: Exchange } | { failure: KitError; exchange?: Exchange }> {
  const headers = without(request.headers, REQUEST_DROPPED);
  // A documented operation the spec does not mark x-mutates (listOrders, listProducts) is safe to send twice; unknown ones go by method.
  const method = request.method.toLowerCase();
  const operation = deps.spec.operations.find((o) => o.method === method && o.path === request.path);
  const sent = await deps.upstream.send({ ...request, headers }, path, operation ? { idempotent: !mutates(operation) } : {});
  if (!sent.ok) return { failure: sent.error };
  const { status, text, durationMs } = sent.value;
  const response: ExchangeResponse = { status, headers: without(sent.value.headers, RESPONSE_DROPPED), text, json: parseJson(text) };
  const exchange = { request: { method: request.method, url: `${deps.upstream.url}${path}`, headers, body: request.bodyText }, response, durationMs };
  if (status >= 300 && status < 400) return { failure: { code: 'REDIRECT', message: `HTTP ${status}; its Location is not passed on` }, exchange };
  return { exchange };
}

type KeyLog = { sanitise: (text: string, options?: { max?: number }) => string; label: string };

/** Per proxy instance, per key: the sanitiser and fingerprint (built once, not per request; bounded: an app has few keys). */
function keyLogs(): (key: string | undefined) => KeyLog {
  const cache = new Map<string, KeyLog>();
  return (key) => {
    const found = cache.get(key ?? '');
    if (found) return found;
    if (cache.size >= LOG_DEFAULTS.keysCached) cache.clear();
    const made = { sanitise: createSanitiser([key]), label: fingerprint(key) };
    cache.set(key ?? '', made);
    return made;
  };
}

/** Build the handler; it never throws and never rewrites a valid answer (it only adds x-wupex-violations). */
export function createProxyHandle(deps: ProxyHandleDeps): (request: ProxyRequest) => Promise<ProxyAnswer> {
  const logFor = keyLogs();
  return async (request) => {
    const started = performance.now();
    const { sanitise, label } = logFor(request.headers['x-api-key']);
    const finish = (answer: ProxyAnswer, violations: Violation[], note = ''): ProxyAnswer => {
      const log = (line: string) => deps.log(sanitise(line, { max: LOG_DEFAULTS.maxLineChars }));
      for (const v of violations) {
        bump(deps.stats.violations, v.checkId);
        log(violationLine(v));
      }
      log(`${request.method} ${request.path} ${answer.status} ${(performance.now() - started).toFixed(1)}ms ${label} violations ${violations.length}${note}`);
      return { ...answer, headers: { ...answer.headers, [VIOLATIONS_HEADER]: String(violations.length) } };
    };
    if (request.bodyTooLarge) {
      const over = oversize(request, deps.spec.operations);
      bump(deps.stats.requests, over.counted);
      return finish(over.answer, [over.violation], over.note);
    }
    const path = `${request.path}${request.search ?? search(request.query)}`;
    // Without --enforce the request goes out at once, and is validated while the upstream works on it.
    const early = deps.enforce ? undefined : send(deps, request, path);
    const verdict = await deps.inspectRequest(request);
    bump(deps.stats.requests, verdict.operation?.label ?? 'unknown operation');
    if (deps.enforce && verdict.refusal) {
      deps.stats.refused += 1;
      return finish(envelopeAnswer(400, 'INVALID_PAYLOAD', verdict.refusal.message), verdict.violations, ' (refused by --enforce, not forwarded)');
    }
    const sent = await (early ?? send(deps, request, path));
    if ('failure' in sent) {
      if (sent.exchange) deps.writer?.add(sent.exchange, { _violations: verdict.violations.length });
      const answer = upstreamFailure(sent.failure);
      bump(deps.stats.failures, answer.code);
      return finish(answer, verdict.violations, ` ${answer.code}`);
    }
    const { exchange } = sent;
    const violations = [...verdict.violations, ...(verdict.operation ? inspectResponse(exchange, verdict.operation, deps.spec) : [])];
    deps.writer?.add(exchange, { _violations: violations.length });
    return finish({ status: exchange.response.status, headers: exchange.response.headers, text: exchange.response.text }, violations);
  };
}
