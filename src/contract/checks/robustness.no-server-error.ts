// robustness.no-server-error: generated odd requests (the twin's own traffic generator) never get a 5xx; a failure is shrunk on loopback.
import fc from 'fast-check';
import type { SpecOperation } from '../../spec/spec.ts';
import type { Exchange } from '../targets/target.ts';
import { defineActiveCheck, fail, pass, type Outcome } from './check.ts';
import type { CheckContext } from './context.ts';
import { basis } from './lib/basis.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { trafficFor, type TrafficRequest } from './lib/traffic.ts';

/** Requests per operation: `--runs`, but at least this many (odd inputs are spread over many variants). */
export const ROBUSTNESS = { minRequests: 3 } as const;

/** Never orders (pullCodes gets only bodies that cannot be valid), never asks for faults, the key only in the header. */
function trafficOf(ctx: CheckContext, operation: SpecOperation): fc.Arbitrary<TrafficRequest> {
  const malformedJson = ctx.target.missing.envelopesMalformedJson === undefined;
  return trafficFor(operation, { offPath: false, validOrders: false, prefer: false, keyInQuery: false, malformedJson, merchantCode: ctx.target.merchantCode });
}

async function probe(ctx: CheckContext, operation: SpecOperation): Promise<Outcome> {
  let failed: Exchange | undefined;
  const property = fc.asyncProperty(trafficOf(ctx, operation), async (request) => {
    const exchange = await ctx.send(request.spec);
    if (exchange.response.status < 500) return true;
    failed = exchange;
    return false;
  });
  // Shrinking sends more requests: only to a server on this machine, never to a remote one.
  const shrink = ctx.target.missing.isLoopback === undefined;
  const details = await fc.check(property, { seed: ctx.seed, numRuns: Math.max(ctx.runs, ROBUSTNESS.minRequests), endOnFailure: !shrink });
  if (!details.failed || !failed) return pass();
  const request = details.counterexample?.[0];
  const last = request ? await ctx.send(request.spec) : failed;
  const shown = last.response.status >= 500 ? last : failed;
  const { status, text } = shown.response;
  return fail(`${operation.label}: a generated request got HTTP ${status}${shrink ? ` (shrunk after ${details.numShrinks} steps)` : ''}; the spec answers bad input with a 4xx envelope. Answer: ${text.slice(0, 200)}`, shown);
}

export const robustnessNoServerError = defineActiveCheck({
  id: 'robustness.no-server-error',
  title: 'Server error on a generated request',
  severity: 'high',
  description: 'A 5xx to a generated odd request (malformed or odd headers, empty or long query values, wrong types, deep nesting, long arrays, truncated JSON); orders are never placed.',
  // Bad input is a 4xx envelope: DECISIONS #20 (Accept-Language), #21 (Content-Type, size), #23 (error bodies); S8, S9.
  basis: basis(['20', '21', '23'], ['S8', 'S9']),
  run: (ctx) => forEachOperation(ctx, { auth: 'header' }, async (operation) => [await probe(ctx, operation)]),
});
