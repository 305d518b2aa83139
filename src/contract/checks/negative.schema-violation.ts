// negative.schema-violation: generated schema-violating requests get 400 INVALID_PAYLOAD naming the field, against a 2xx control;
// a page/pageSize out of range gets what decisions.yaml paging.outOfRange says (a refusal, or a 2xx when it clamps).
import { defineActiveCheck, skip } from './check.ts';
import { validBase } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { fullInstance } from './lib/instances.ts';
import { probeRejection } from './lib/rejection.ts';
import { mutates, requestBodySchema } from './lib/spec-index.ts';
import { violationsFor, type Violation } from './lib/violations.ts';
import type { CheckContext } from './context.ts';
import type { RejectionExpectation } from './lib/rejection.ts';
import { decidedExpectation } from './lib/rejection.ts';
import { INT32_MAX } from '../../spec/decisions.ts';

/** The largest integer the spec's int32 fields allow: beyond it a page is a wrong type (format), refused whatever #7 says. */

/** An int32 page/pageSize outside its limits (DECISIONS #7): the decisions say whether it is refused or clamped. */
function pagingOutOfRange(ctx: CheckContext, violation: Violation): boolean {
  const body = violation.request.body;
  if (violation.names !== 'page' && violation.names !== 'pageSize') return false;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const value = (body as Record<string, unknown>)[violation.names];
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > INT32_MAX) return false;
  const { page, pageSize } = ctx.decisions.paging;
  return violation.names === 'page' ? value < page.min : value < pageSize.min || value > pageSize.max;
}

/** One unit or one line past the decided order limits (#10): evidence for `--propose` when a target accepts it. */
function pastOrderLimit(ctx: CheckContext, violation: Violation): string | undefined {
  if (violation.request.operation.operationId !== 'pullCodes') return undefined;
  const { maxQuantity, maxLines } = ctx.decisions.orderLimits;
  const body = violation.request.body;
  if (!Array.isArray(body)) return undefined;
  if (body.length === maxLines + 1) return 'orderLimits.maxLines';
  if (violation.names === 'quantity' && body.some((line) => (line as { quantity?: unknown } | null)?.quantity === maxQuantity + 1)) return 'orderLimits.maxQuantity';
  return undefined;
}

/** Paging out of range (#7) and Accept-Language missing or not listed (#20) get the decided answer; the rest 400 INVALID_PAYLOAD. */
function expectationFor(ctx: CheckContext, violation: Violation): Pick<RejectionExpectation, 'status' | 'code' | 'accepted' | 'entry' | 'codeOfStatus'> {
  if (pagingOutOfRange(ctx, violation)) return decidedExpectation('paging.outOfRange', ctx.decisions.paging.outOfRange);
  const limit = pastOrderLimit(ctx, violation);
  if (limit) return { status: 400, code: ctx.decisions.codesByStatus['400'] ?? 'INVALID_PAYLOAD', entry: limit, codeOfStatus: true };
  if (violation.names?.toLowerCase() === 'accept-language') {
    const missing = violation.request.acceptLanguage === null;
    const { acceptLanguage } = ctx.decisions;
    return missing ? decidedExpectation('acceptLanguage.missing', acceptLanguage.missing) : decidedExpectation('acceptLanguage.unsupported', acceptLanguage.unsupported);
  }
  return { status: 400, code: ctx.decisions.codesByStatus['400'] ?? 'INVALID_PAYLOAD' };
}

export const negativeSchemaViolation = defineActiveCheck({
  id: 'negative.schema-violation',
  title: 'Schema-violating request not rejected',
  severity: 'high',
  description: 'Wrong types, missing required fields, out-of-range page/pageSize/quantity, bad enums, empty arrays or bad query parameters that are accepted, cause a 5xx, or get anything but 400 INVALID_PAYLOAD naming the field.',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header' }, async (operation) => {
      const base = await validBase(ctx, operation);
      // Read-only bodies start from an instance with every property, so nested fields (search filters) get violated too.
      const schema = requestBodySchema(operation);
      const control = schema && !mutates(operation) ? { ...base, body: fullInstance(schema) } : base;
      const outcomes = [];
      for (const violation of violationsFor(ctx.spec, control, ctx)) {
        const { description, request, names, basis } = violation;
        outcomes.push(await probeRejection(ctx, operation, { what: `a schema-violating request (${description})`, ...expectationFor(ctx, violation), names, basis, probe: request, control }));
      }
      return outcomes.length ? outcomes : [skip('the operation has no parameter or body to violate')];
    }),
});
