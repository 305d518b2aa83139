// Differential rejections: a probe counts as rejected only when its control (the same request with the one cause
// fixed) got a 2xx, and the probe got the documented status and code for that cause, with a message naming it.
import type { SpecOperation } from '../../../spec/spec.ts';
import type { Exchange } from '../../targets/target.ts';
import { fail, pass, skip, type Basis, type Outcome } from '../check.ts';
import type { CheckContext, RequestSpec } from '../context.ts';
import { mergeBasis } from './basis.ts';
import { isObject } from './text.ts';
import { documentedStatuses } from './spec-index.ts';

/** What the spec documents for this cause. */
export interface RejectionExpectation {
  /** What was sent, for the message: "a request without x-api-key". */
  what: string;
  status: number;
  code: string;
  /** The header, parameter or field the error message must name (DECISIONS D6). */
  names?: string;
  /** The spec element the probe tests: its decision rows and guide sources. */
  basis: Basis;
  /** The decisions.yaml entry this probe is evidence for (`contentType`, `paging.outOfRange`), for `--propose`. */
  entry?: string;
  /**
   * Set when the decisions accept this request instead (paging clamp, a language fallback): the probe must then get a
   * 2xx, and `status`/`code` are not used. The text names the decision, e.g. "paging.outOfRange is clamp".
   */
  accepted?: string;
}

export interface RejectionProbe extends RejectionExpectation {
  /** The request that must be rejected. */
  probe: RequestSpec;
  /** The same request with the cause fixed; it must get a 2xx first. */
  control: RequestSpec;
}

/** Rows that apply whatever the cause: which code goes with a status (#23), messages name the field (D6), 5xx (S8, S9). */
export const REJECTION_BASIS = { statusAndCode: mergeBasis({ decisions: ['23'], sources: ['S8'] }), naming: mergeBasis({ decisions: ['D6'] }), serverError: mergeBasis({ sources: ['S8', 'S9'] }) } as const;

/** The envelope's `error.code` and `error.message`, when they are strings. */
export function errorOf(exchange: Exchange): { code?: string; message?: string } {
  const json = exchange.response.json;
  const error = isObject(json) ? json.error : undefined;
  if (!isObject(error)) return {};
  return { code: typeof error.code === 'string' ? error.code : undefined, message: typeof error.message === 'string' ? error.message : undefined };
}

export const describeAnswer = (exchange: Exchange) => {
  const { code } = errorOf(exchange);
  return `HTTP ${exchange.response.status}${code ? ` ${code}` : ''}`;
};

/** Pure: pass when the response is the documented rejection for this cause; otherwise what was received against what is documented. */
export function judgeRejection(exchange: Exchange, operation: SpecOperation, expect: RejectionExpectation): Outcome {
  const { status } = exchange.response;
  const { code, message } = errorOf(exchange);
  const want = `${expect.status} ${expect.code}${expect.names ? ` naming ${expect.names}` : ''}`;
  const say = (verb: string, basis: Basis) => fail(`${operation.label}: ${expect.what} ${verb} (${describeAnswer(exchange)}); the spec documents ${want}.`, exchange, basis);
  if (expect.accepted !== undefined) {
    if (status >= 200 && status < 300) return pass();
    return fail(`${operation.label}: ${expect.what} was refused (${describeAnswer(exchange)}); the decisions accept it (${expect.accepted}), so a 2xx is expected.`, exchange, expect.basis);
  }
  if (status < 300) return say('was accepted', expect.basis);
  if (status >= 500) return say('caused a server error', mergeBasis(expect.basis, REJECTION_BASIS.serverError));
  // Which status answers this cause is the probe's own row (403 for another account's order differs from #19 alone).
  if (status !== expect.status) return say('was answered with another status', expect.basis);
  if (!code) return say('was rejected without the error envelope', mergeBasis({ sources: expect.basis.sources }, { sources: ['S8'] }));
  if (code !== expect.code) return say('was rejected with another error code', mergeBasis(expect.basis, REJECTION_BASIS.statusAndCode));
  if (expect.names && !(message ?? '').toLowerCase().includes(expect.names.toLowerCase())) {
    return fail(`${operation.label}: ${expect.what} was rejected (${describeAnswer(exchange)}) with the message "${message ?? ''}", which does not name ${expect.names}; the spec documents ${want}.`, exchange, REJECTION_BASIS.naming);
  }
  return pass();
}

/**
 * Controls are sent once per distinct request per run (a pullCodes control places one small order, not one per probe).
 * Every pullCodes request carries a fresh referenceId (FRESH_REFERENCE in context.ts), so none meets a reused one.
 */
async function sendControl(ctx: CheckContext, control: RequestSpec): Promise<Exchange> {
  const cache = await ctx.memo('rejection-controls', async () => new Map<string, Exchange>());
  const { referenceId: _fresh, ...query } = control.query ?? {};
  const key = JSON.stringify({ ...control, operation: control.operation.label, query });
  const known = cache.get(key);
  if (known) return known;
  const exchange = await ctx.send(control);
  cache.set(key, exchange);
  return exchange;
}

/** What a decided choice expects: its status and code (reject), or acceptance (clamp, fallback), naming the entry. */
export function decidedExpectation(entry: string, choice: { readonly action: string; readonly status?: number; readonly code?: string; readonly to?: string }): Pick<RejectionExpectation, 'status' | 'code' | 'accepted' | 'entry'> {
  if (choice.action === 'reject' && choice.status !== undefined && choice.code !== undefined) return { status: choice.status, code: choice.code, entry };
  return { status: 0, code: '', accepted: `${entry} is ${choice.action}${choice.to ? ` to ${choice.to}` : ''} in the decisions`, entry };
}

/** Send the control, then (only if it got a 2xx) the probe; judge the probe. */
export async function probeRejection(ctx: CheckContext, operation: SpecOperation, probe: RejectionProbe): Promise<Outcome> {
  const blocked = ctx.blocked(operation, probe.control.auth ?? 'header');
  if (blocked) return skip(`${blocked} (the control, the same request without the fault, would place an order)`);
  if (probe.accepted !== undefined && ctx.target.missing.acceptsBeyondSchema) return skip(`${ctx.target.missing.acceptsBeyondSchema} (${probe.accepted})`);
  const control = await sendControl(ctx, probe.control);
  if (control.response.status < 200 || control.response.status >= 300) {
    return skip(`the control (the same request without the fault) got ${describeAnswer(control)}, so ${probe.what} cannot be judged`);
  }
  const exchange = await ctx.send(probe.entry ? { ...probe.probe, evidenceFor: { entry: probe.entry, names: probe.names } } : probe.probe);
  // Plain Prism picks a documented 422 for any invalid request (its own rule), whatever the decisions say.
  const picks422 = ctx.target.missing.refusesInvalidAsDecided;
  if (picks422 && exchange.response.status === 422 && probe.status !== 422 && documentedStatuses(operation).includes(422)) return skip(picks422);
  // A target answering fixed example messages (plain Prism), or decisions without D6 (messagesNameField: false), is judged
  // on status and code only.
  const unnamed = Boolean(ctx.target.missing.namesFieldsInErrors) || !ctx.decisions.messagesNameField;
  return judgeRejection(exchange, operation, unnamed ? { ...probe, names: undefined } : probe);
}
