// Cheap structural pre-checks that bound the CPU of full schema validation: arrays past the spec's maxItems are cut before Prism sees them.
import type { JsonSchema } from './spec-index.ts';

/** Largest request body the twin reads (bytes, D7/#21): past it the body is dropped unread and the answer is 413 PAYLOAD_TOO_LARGE. */
export const BODY_LIMIT = 64 * 1024;

/**
 * Orders one account may hold (D7): past it pullCodes answers `500 [wupex-mock] STORE_FULL` (the twin's own limit, not
 * vendor behaviour) and `POST /__mock/reset` empties the store. Lookups by name and referenceId are indexed; listOrders
 * by date needs no sort (orders are kept in creation order), so a request costs O(orders) at worst.
 */
export const STORE_BOUNDS = { ordersPerAccount: 100_000 } as const;

/**
 * The body as Prism should validate it: every array longer than its schema's `maxItems` is cut to `maxItems + 1`
 * items, so the same "must NOT have more than N items" diagnostic comes back without validating (and reporting)
 * thousands of items. Walks only where the schema describes (properties, items); everything else is left as sent.
 */
export function clipToSchema(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return clipArray(value, schema);
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return value;
  let out: Record<string, unknown> | undefined;
  for (const [name, child] of Object.entries(properties)) {
    if (!Object.hasOwn(value, name)) continue;
    const before = (value as Record<string, unknown>)[name];
    const after = clipToSchema(before, child);
    if (after !== before) out = { ...(out ?? (value as Record<string, unknown>)), [name]: after };
  }
  return out ?? value;
}

function clipArray(value: unknown[], schema: JsonSchema): unknown[] {
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : undefined;
  const kept = max !== undefined && value.length > max + 1 ? value.slice(0, max + 1) : value;
  const items = schema.items as JsonSchema | undefined;
  if (!items || typeof items !== 'object') return kept;
  let changed = kept !== value;
  const clipped = kept.map((item) => {
    const after = clipToSchema(item, items);
    if (after !== item) changed = true;
    return after;
  });
  return changed ? clipped : value;
}

/**
 * What the twin reads of a request body before parsing it. The spec's bodies nest three levels (an object, its
 * `search` array, a filter) and hold at most 150 members (50 order lines of 3); bodies far past that are refused
 * before JSON.parse, which spends milliseconds on thousands of distinct member names or deep nesting, and whose
 * result recursive code could overflow its stack on.
 */
export const BODY_SHAPE_LIMITS = { depth: 32, members: 1000 } as const;

/** Which limit the JSON text breaks ('depth' or 'members'), or undefined: one pass over the text, strings skipped. */
export function shapeBeyondLimits(text: string, limits = BODY_SHAPE_LIMITS): 'depth' | 'members' | undefined {
  let depth = 0;
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limits.depth) return 'depth';
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
    else if (c === 0x3a) {
      members += 1;
      if (members > limits.members) return 'members';
    }
  }
  return undefined;
}
