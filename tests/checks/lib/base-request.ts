// A plain valid request per operation, from the spec's own examples: the base that rejection checks alter.
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecOperation } from '../../../scripts/lib/spec.ts';
import type { CheckContext, RequestSpec } from '../context.ts';
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
 * pullCodes carries a fixed referenceId, so a server that wrongly accepts charges at most once per run.
 */
export function baseRequest(ctx: CheckContext, operation: SpecOperation): RequestSpec {
  const query: Record<string, string> = {};
  for (const p of parametersOf(operation, 'query')) {
    if (p.required) query[p.name] = String((p as { example?: unknown }).example ?? (p.schema as { example?: unknown })?.example ?? 'x');
  }
  if (operation.operationId === 'pullCodes') query.referenceId = `wupex-kit-reject-${ctx.seed}`;
  const example = firstBodyExample(operation);
  const body = operation.method === 'get' ? undefined : withMerchant(example ?? {}, ctx.target.merchantCode);
  return { operation, query, body };
}
