// Runs generated traffic against a target and judges every answer by the spec; a failure comes back shrunk, as a curl line.
import fc from 'fast-check';
import { samePath } from '../../mocks/paths.ts';
import type { ExchangeCheck } from '../../src/contract/checks/check.ts';
import { buildRequest } from '../../src/contract/checks/context.ts';
import { ALL_CHECKS } from '../../src/contract/checks/index.ts';
import { curlLine } from '../../src/contract/checks/lib/curl.ts';
import { codesForStatus, type SpecIndex } from '../../src/contract/checks/lib/spec-index.ts';
import { traffic, type TrafficOptions, type TrafficRequest } from '../../src/contract/checks/lib/traffic.ts';
import type { Exchange, Target } from '../../src/contract/targets/target.ts';
import { kitDecisions } from '../../src/spec/decisions.ts';

const EXCHANGE_CHECKS = ALL_CHECKS.filter((c): c is ExchangeCheck => c.kind === 'exchange');

/** What is wrong with one answer, or undefined: the catalogue's pure checks for routed requests, a 4xx envelope otherwise, never an unasked 5xx. */
export function judgeTraffic(exchange: Exchange, request: TrafficRequest, spec: SpecIndex): string | undefined {
  const { status, json, headers } = exchange.response;
  if (status >= 500 && !request.faultAsked) return `HTTP ${status} without a fault asked for`;
  const path = new URL(exchange.request.url).pathname;
  const routed = spec.operations.find((op) => op.method.toUpperCase() === exchange.request.method && samePath(path, op.path));
  if (routed) {
    for (const check of EXCHANGE_CHECKS) {
      const outcome = check.run(exchange, routed, spec, kitDecisions());
      if (outcome.kind === 'fail') return `${check.id}: ${outcome.message}`;
    }
    return undefined;
  }
  // Not an operation (DECISIONS D4): a 4xx in the error envelope, its code one the status allows.
  if (status < 400 || status > 499) return `a request outside the spec got HTTP ${status}; expected a 4xx envelope`;
  if (!headers['content-type']?.startsWith('application/json')) return `HTTP ${status} with Content-Type ${headers['content-type'] ?? 'none'}`;
  const invalid = spec.validate((spec.doc.components?.schemas?.ErrorEnvelope ?? {}) as Record<string, unknown>, json);
  if (invalid) return `HTTP ${status} not in the error envelope: ${invalid}`;
  const code = (json as { error: { code: string } }).error.code;
  return codesForStatus(spec, status).includes(code) ? undefined : `HTTP ${status} with code ${code}`;
}

export interface TrafficRun {
  target: Target;
  spec: SpecIndex;
  seed: number;
  numRuns: number;
  options: TrafficOptions;
}

/** undefined when every answer passed; else the shrunk failing request as a curl line, what was wrong, and the seed. */
export async function runTraffic(run: TrafficRun): Promise<string | undefined> {
  const send = async (request: TrafficRequest) => {
    const sent = await run.target.send(buildRequest(run.target, request.spec));
    if (!sent.ok) throw new Error(sent.error.message);
    return { exchange: sent.value, problem: judgeTraffic(sent.value, request, run.spec) };
  };
  const property = fc.asyncProperty(traffic(run.spec.operations, run.options), async (request) => (await send(request)).problem === undefined);
  const details = await fc.check(property, { seed: run.seed, numRuns: run.numRuns });
  if (!details.failed) return undefined;
  const request = details.counterexample?.[0];
  if (!request) return `generated traffic failed (seed ${run.seed}): ${String(details.errorInstance)}`;
  // Sent once more to show it: the twin is deterministic for a given request (state aside).
  const { exchange, problem } = await send(request);
  return [
    `${(problem ?? 'the request failed').slice(0, 400)} (seed ${run.seed}, shrunk after ${details.numShrinks} steps)`,
    `  answer: HTTP ${exchange.response.status} ${exchange.response.text.slice(0, 300)}`,
    `  ${curlLine(exchange.request, run.target.apiKey)}`,
  ].join('\n');
}
