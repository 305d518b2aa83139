// Replays recordings offline: every pure exchange check of the catalogue on every recorded exchange, against the spec given.
import type { Check, OperationOutcome } from '../contract/checks/check.ts';
import { crashed, defineExchangeCheck, fail, pass } from '../contract/checks/check.ts';
import type { SpecIndex } from '../contract/checks/lib/spec-index.ts';
import type { RunReport } from '../contract/run-catalogue.ts';
import { summarise } from '../contract/summarise.ts';
import type { Exchange } from '../contract/targets/target.ts';
import { toExchange } from '../har/har.ts';
import { EXCHANGE_CHECKS } from '../proxy/inspect-response.ts';
import type { SpecOperation } from '../spec/spec.ts';
import type { Recording } from './load.ts';

/** A recorded request the current spec has no operation for (the operation was removed or renamed). */
export const replayKnownOperation = defineExchangeCheck({
  id: 'replay.known-operation',
  title: 'Recorded request matches no operation of the spec',
  severity: 'high',
  description: 'A recorded METHOD and path that the current spec no longer documents.',
  run: () => pass(),
});

export interface Located {
  exchange: Exchange;
  where: string;
  operation?: SpecOperation;
}

/** Every recorded exchange with the operation of the spec it matches (none when the spec has no such operation). */
export function locate(recordings: readonly Recording[], spec: SpecIndex): Located[] {
  return recordings.flatMap((r) =>
    r.entries.map((entry, i) => {
      const exchange = toExchange(entry);
      const { pathname } = new URL(exchange.request.url);
      const method = exchange.request.method.toLowerCase();
      return { exchange, where: `${r.file} entry ${i + 1}`, operation: spec.operations.find((o) => o.method === method && o.path === pathname) };
    }),
  );
}

function outcomesOf(check: Check, located: Located[], spec: SpecIndex): OperationOutcome[] {
  return located.flatMap(({ exchange, operation }) => {
    if (!operation || check.kind !== 'exchange') return [];
    if (check.appliesTo && !check.appliesTo(operation)) return [];
    try {
      return [{ operation, outcome: check.run(exchange, operation, spec) }];
    } catch (error) {
      return [{ operation, outcome: crashed(check.id, error, exchange) }];
    }
  });
}

function unknownOutcomes(located: Located[]): OperationOutcome[] {
  return located
    .filter((l) => !l.operation)
    .map(({ exchange }) => {
      const { pathname } = new URL(exchange.request.url);
      const label = `${exchange.request.method} ${pathname}`;
      return { operation: { label } as SpecOperation, outcome: fail(`${label}: recorded, but the spec documents no such operation.`, exchange) };
    });
}

/** Judge every recorded exchange; FAIL lines name the recording and entry instead of a curl line (replay sends nothing). */
export interface ReplayReport extends RunReport {
  exchanges: number;
  /** Every failed (check, recorded exchange) pair, before deduplication: "tests/recordings/x.har entry 3". */
  failed: { checkId: string; where: string }[];
}

export function replayRecordings(recordings: readonly Recording[], spec: SpecIndex): ReplayReport {
  const located = locate(recordings, spec);
  const where = new Map(located.map((l) => [l.exchange, l.where]));
  const results = EXCHANGE_CHECKS.map((check) => ({ check: check as Check, outcomes: outcomesOf(check, located, spec) }));
  const unknown = unknownOutcomes(located);
  if (unknown.length) results.push({ check: replayKnownOperation, outcomes: unknown });
  const summary = summarise(results, { target: 'replay', reproduce: (exchange) => `recorded in ${where.get(exchange) ?? 'a recording'}` });
  const failed = results.flatMap(({ check, outcomes }) =>
    outcomes.flatMap(({ outcome }) => (outcome.kind === 'fail' && outcome.exchange ? [{ checkId: check.id, where: where.get(outcome.exchange) ?? '' }] : [])),
  );
  return { ...summary, exchanges: located.length, failed };
}
