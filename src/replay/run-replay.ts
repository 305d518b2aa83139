// Replays recordings offline: every pure exchange check of the catalogue on every recorded exchange, against the spec given.
import type { Check, OperationOutcome } from '../contract/checks/check.ts';
import { crashed, defineExchangeCheck, fail, pass } from '../contract/checks/check.ts';
import type { SpecIndex } from '../contract/checks/lib/spec-index.ts';
import type { RunReport } from '../contract/run-catalogue.ts';
import { summarise } from '../contract/summarise.ts';
import type { Exchange } from '../contract/targets/target.ts';
import { entryProblem, toExchange } from '../har/har.ts';
import { EXCHANGE_CHECKS } from '../proxy/inspect-response.ts';
import type { SpecOperation } from '../spec/spec.ts';
import type { Recording } from './load.ts';
import { kitDecisions, type LoadedDecisions } from '../spec/decisions.ts';

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

/** A recorded entry replay cannot judge, and why (a relative URL, an answer not recorded): reported, exit 2. */
export interface RefusedEntry {
  where: string;
  problem: string;
}

/** Every recorded exchange with the operation of the spec it matches (none when the spec has no such operation), and the entries that cannot be judged. */
export function locateAll(recordings: readonly Recording[], spec: SpecIndex): { located: Located[]; refused: RefusedEntry[] } {
  const located: Located[] = [];
  const refused: RefusedEntry[] = [];
  for (const r of recordings) {
    r.entries.forEach((entry, i) => {
      const where = `${r.file} entry ${i + 1}`;
      const problem = entryProblem(entry);
      if (problem) return void refused.push({ where, problem });
      const exchange = toExchange(entry);
      const { pathname } = new URL(exchange.request.url);
      const method = exchange.request.method.toLowerCase();
      located.push({ exchange, where, operation: spec.operations.find((o) => o.method === method && o.path === pathname) });
    });
  }
  return { located, refused };
}

function outcomesOf(check: Check, located: Located[], spec: SpecIndex, decided: LoadedDecisions): OperationOutcome[] {
  return located.flatMap(({ exchange, operation }) => {
    if (!operation || check.kind !== 'exchange') return [];
    if (check.appliesTo && !check.appliesTo(operation)) return [];
    try {
      return [{ operation, outcome: check.run(exchange, operation, spec, decided) }];
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
  /** Entries that could not be judged at all (exit 2). */
  refused: RefusedEntry[];
  /** Every judged exchange with its operation (what `--propose` reads, so the recordings are not read twice). */
  located: Located[];
}

/** `decided`: the decisions the recorded target is held to (the Retry-After check reads them); default the kit's. */
export function replayRecordings(recordings: readonly Recording[], spec: SpecIndex, decided: LoadedDecisions = kitDecisions()): ReplayReport {
  const { located, refused } = locateAll(recordings, spec);
  const where = new Map(located.map((l) => [l.exchange, l.where]));
  const results = EXCHANGE_CHECKS.map((check) => ({ check: check as Check, outcomes: outcomesOf(check, located, spec, decided) }));
  const unknown = unknownOutcomes(located);
  if (unknown.length) results.push({ check: replayKnownOperation, outcomes: unknown });
  const summary = summarise(results, { target: 'replay', reproduce: (exchange) => `recorded in ${where.get(exchange) ?? 'a recording'}` });
  const failed = results.flatMap(({ check, outcomes }) =>
    outcomes.flatMap(({ outcome }) => (outcome.kind === 'fail' && outcome.exchange ? [{ checkId: check.id, where: where.get(outcome.exchange) ?? '' }] : [])),
  );
  return { ...summary, exchanges: located.length, failed, refused, located };
}
