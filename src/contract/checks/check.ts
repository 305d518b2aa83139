// The shape of a check (style guide §2): a stable id, a title, and a run that returns outcomes as values.
import type { LoadedDecisions } from '../../spec/decisions.ts';
import type { SpecOperation } from '../../spec/spec.ts';
import type { Capability, Exchange } from '../targets/target.ts';
import type { CheckContext } from './context.ts';
import type { SpecIndex } from './lib/spec-index.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * What a finding rests on: the DECISIONS.md rows (`"7"`, `"D1"`) and the guide's source tags (`"S10"`) of the spec
 * element it failed on. A finding with decisions is "the target decided differently"; one without is a contract break.
 */
export interface Basis {
  decisions: string[];
  sources: string[];
}

export const NO_BASIS: Basis = { decisions: [], sources: [] };

/**
 * `title` overrides the check's title (a crash is reported as "Check `<id>` crashed"); `basis` overrides the check's.
 * `unavailable`: the target kept answering 429/503 (or resetting the connection) after the retries: not judged.
 */
export type Outcome =
  | { kind: 'pass' }
  | { kind: 'skip'; reason: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'fail'; message: string; exchange?: Exchange; title?: string; basis?: Basis };

export const pass = (): Outcome => ({ kind: 'pass' });
export const skip = (reason: string): Outcome => ({ kind: 'skip', reason });
export const unavailable = (reason: string): Outcome => ({ kind: 'unavailable', reason });
export const fail = (message: string, exchange?: Exchange, basis?: Basis): Outcome => ({ kind: 'fail', message, exchange, basis });
/** A check that threw: a finding of its own, never an aborted run. */
export const crashed = (id: string, error: unknown, exchange?: Exchange): Outcome => ({
  kind: 'fail',
  title: `Check \`${id}\` crashed`,
  message: `Check \`${id}\` crashed: ${error instanceof Error ? error.message : String(error)}`,
  exchange,
});

/** An active check's result for one operation. */
export interface OperationOutcome {
  operation: SpecOperation;
  outcome: Outcome;
}

interface CheckBase {
  /** group.name, never renamed. */
  id: string;
  title: string;
  severity: Severity;
  /** What it catches, one sentence (used in the README table). */
  description: string;
  requires?: Capability[];
  /** What its findings rest on when an outcome does not say (decision rows, guide source tags). */
  basis?: Basis;
  /** Operations the check concerns (default: all). */
  appliesTo?(operation: SpecOperation): boolean;
}

/** Pure: looks at one exchange of one operation; no I/O, never knows the target. `decided`: the decisions it is held to. */
export interface ExchangeCheck extends CheckBase {
  kind: 'exchange';
  run(exchange: Exchange, operation: SpecOperation, spec: SpecIndex, decided: LoadedDecisions): Outcome;
}

/** Active: builds requests, sends them through the context's target, judges what came back. */
export interface ActiveCheck extends CheckBase {
  kind: 'active';
  run(ctx: CheckContext): Promise<OperationOutcome[]>;
}

export type Check = ExchangeCheck | ActiveCheck;

/** Identity helpers that keep each check file to its definition. */
export const defineExchangeCheck = (check: Omit<ExchangeCheck, 'kind'>): ExchangeCheck => ({ kind: 'exchange', ...check });
export const defineActiveCheck = (check: Omit<ActiveCheck, 'kind'>): ActiveCheck => ({ kind: 'active', ...check });

/** A failure as reported: deduplicated by checkId + operation + message. */
export interface Finding {
  checkId: string;
  title: string;
  severity: Severity;
  operation: string;
  target: string;
  message: string;
  basis: Basis;
  reproduce: string;
}
