// A plain valid request per operation, from the spec's own examples: the base that rejection checks alter.
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecOperation } from '../../../spec/spec.ts';
import { FRESH_REFERENCE, type CheckContext, type RequestSpec } from '../context.ts';
import { existingOrderName, orderLine } from './discover.ts';
import { parametersOf } from './spec-index.ts';

/** The first named example of the request body, if the spec declares one. */
export function firstBodyExample(operation: SpecOperation): unknown {
  const body = operation.operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const examples = Object.values(body?.content?.['application/json']?.examples ?? {}) as { value?: unknown }[];
  return examples[0]?.value;
}

/** Order lines take the target's merchant code when known (the spec example's otherwise). */
function withMerchant(body: unknown, merchant: string | undefined): unknown {
  if (!merchant || !Array.isArray(body)) return body;
  return body.map((line) => ({ ...(line as object), merchant }));
}

/**
 * A valid request built from examples only (no discovery), good enough for requests that must be rejected.
 * pullCodes carries FRESH_REFERENCE: a new referenceId on every send, so one probe's order never answers another.
 */
export function baseRequest(ctx: CheckContext, operation: SpecOperation): RequestSpec {
  const query: Record<string, string> = {};
  for (const p of parametersOf(operation, 'query')) {
    if (p.required) query[p.name] = String((p as { example?: unknown }).example ?? (p.schema as { example?: unknown })?.example ?? 'x');
  }
  if (operation.operationId === 'pullCodes') query.referenceId = FRESH_REFERENCE;
  const example = firstBodyExample(operation);
  const body = operation.method === 'get' ? undefined : withMerchant(example ?? {}, ctx.target.merchantCode);
  return { operation, query, body };
}

/**
 * A request that must get a 2xx: the base of every rejection probe and its control. getOrderDetail reads a real
 * order of the account (listed or placed during the run), pullCodes orders one unit of a real product.
 * When none can be built the example-based request is returned, and its control says why (SKIP with its status).
 */
export async function validBase(ctx: CheckContext, operation: SpecOperation): Promise<RequestSpec> {
  const base = baseRequest(ctx, operation);
  if (operation.operationId === 'getOrderDetail') {
    const name = await existingOrderName(ctx);
    return name ? { ...base, query: { ...base.query, orderName: name } } : base;
  }
  if (operation.operationId === 'pullCodes' && !ctx.blocked(operation, 'header')) {
    const line = await orderLine(ctx);
    return typeof line === 'string' ? base : { ...base, body: [line] };
  }
  return base;
}
