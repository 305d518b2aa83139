// Schema-valid requests per operation, generated with fast-check from the spec's schemas and examples (seeded).
import fc from 'fast-check';
import type { SpecOperation } from '../../../spec/spec.ts';
import type { CheckContext, RequestSpec } from '../context.ts';
import { firstBodyExample } from './base-request.ts';
import { existingOrderName, orderableProduct, readBalance } from './discover.ts';
import { arbitraryFor } from './instances.ts';
import { parametersOf, requestBodySchema, type Schema } from './spec-index.ts';

export const POSITIVE = { maxOrders: 2 } as const;

const languages = (operation: SpecOperation): string[] => {
  const header = parametersOf(operation, 'header').find((p) => p.name.toLowerCase() === 'accept-language');
  return ((header?.schema as Schema | undefined)?.enum as string[] | undefined) ?? ['en-US'];
};

/** List bodies: generated without `search` (free-text filters are valid but may mean nothing), plus the spec's examples. */
function listBodies(operation: SpecOperation): fc.Arbitrary<unknown> {
  const schema = requestBodySchema(operation) ?? {};
  const { search: _search, ...props } = (schema.properties ?? {}) as Record<string, Schema>;
  const examples = Object.values((operation.operation.requestBody as { content?: Record<string, { examples?: Record<string, { value: unknown }> }> })?.content?.['application/json']?.examples ?? {}).map((e) => e.value);
  return fc.oneof(arbitraryFor({ ...schema, properties: props }), fc.constantFrom(...(examples.length ? examples : [{}])));
}

/** Generated valid requests; `{}` is always first for list operations (the D5 default). Returns a reason when none can be built. */
export async function validRequests(ctx: CheckContext, operation: SpecOperation): Promise<RequestSpec[] | string> {
  const sample = <T>(arb: fc.Arbitrary<T>, runs = ctx.runs) => fc.sample(arb, { seed: ctx.seed, numRuns: runs });
  const langs = sample(fc.constantFrom(...languages(operation)));
  switch (operation.operationId) {
    case 'listProducts':
    case 'listOrders':
      return [{ operation, body: {} }, ...sample(listBodies(operation)).map((body, i) => ({ operation, body, acceptLanguage: langs[i] }))];
    case 'getBalance':
      return languages(operation).map((acceptLanguage) => ({ operation, acceptLanguage }));
    case 'getOrderDetail': {
      const name = await existingOrderName(ctx);
      return name ? [{ operation, query: { orderName: name } }] : 'the account has no order to read (listOrders is empty)';
    }
    case 'pullCodes':
      return pullCodesRequests(ctx, operation);
    default:
      return firstBodyExample(operation) !== undefined ? [{ operation, body: firstBodyExample(operation) }] : [{ operation }];
  }
}

/** At most POSITIVE.maxOrders small orders of a real, enabled, in-stock SKU for the account's own merchant code. */
async function pullCodesRequests(ctx: CheckContext, operation: SpecOperation): Promise<RequestSpec[] | string> {
  const merchant = ctx.target.merchantCode;
  if (!merchant) return 'no merchant code: set WUPEX_MERCHANT_CODE to your account\'s merchant code';
  const budget = (await readBalance(ctx)) ?? 0;
  const product = await orderableProduct(ctx, budget);
  if (typeof product === 'string') return product;
  const quantities = sample1(ctx, Math.min(ctx.runs, POSITIVE.maxOrders));
  return quantities.map((quantity, i) => ({
    operation,
    query: { referenceId: `wupex-kit-valid-${ctx.seed}-${i}-${Date.now().toString(36)}` },
    body: [{ merchant, sku: product.productCode, quantity: product.price * 2 <= budget ? quantity : 1 }],
  }));
}

function sample1(ctx: CheckContext, runs: number): number[] {
  return fc.sample(fc.integer({ min: 1, max: 2 }), { seed: ctx.seed, numRuns: Math.max(1, runs) });
}
