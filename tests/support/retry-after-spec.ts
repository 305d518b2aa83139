// The kit's spec with Retry-After declared on every 429 and 503, pinned: a spec adopted from a server that sends none
// declares none, and then conformance.response-headers has nothing to judge; tests of that check's mechanism use this one.
import { createSpecIndex, type SpecIndex } from '../../src/contract/checks/lib/spec-index.ts';
import { loadSpec, type Document } from '../../src/spec/spec.ts';

type Responses = Record<string, { headers?: Record<string, unknown> }>;

/** The header as the kit declares it when `retryAfter.send` is true (DECISIONS #22). */
const RETRY_AFTER = { description: 'Seconds to wait before retrying (DECISIONS #22).', required: false, 'x-decision': 22, schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } };

/** Every 429 and 503 response of every operation declares Retry-After: the kit's own declaration if it has one, else RETRY_AFTER. */
export function specDeclaringRetryAfter(doc: Document = loadSpec()): SpecIndex {
  const copy = structuredClone(doc);
  const limited = Object.values(copy.paths ?? {}).flatMap((item) =>
    Object.values(item ?? {}).flatMap((op) => {
      const responses = (op as { responses?: Responses } | undefined)?.responses;
      return typeof responses === 'object' && responses !== null ? ['429', '503'].flatMap((s) => (responses[s] ? [responses[s]] : [])) : [];
    }),
  );
  if (limited.length === 0) throw new Error('specDeclaringRetryAfter: the spec documents no 429 or 503 response; expected the kit spec, which documents both');
  const declared = limited.map((r) => r.headers?.['Retry-After']).find((h) => h !== undefined) ?? RETRY_AFTER;
  for (const response of limited) response.headers = { ...response.headers, 'Retry-After': declared };
  return createSpecIndex(copy);
}
