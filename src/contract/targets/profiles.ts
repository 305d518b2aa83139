// What each kind of target can support, and why not: the only thing that differs between runs.
import { isLoopbackHost, serverUrlOf } from '../../http/base-url.ts';
import { loadSpec, type Document } from '../../spec/spec.ts';
import type { Capability, TargetName } from './target.ts';

export const TARGET_NAMES = ['mock', 'prism', 'sandbox', 'production'] as const;
export type ChosenTarget = (typeof TARGET_NAMES)[number];

/** The real WUPEX origin of an environment, read from the spec's `servers[].x-environment` (DECISIONS #25), not restated. */
export function hostOf(environment: 'sandbox' | 'production', doc: Document = loadSpec()): string {
  const url = serverUrlOf(environment, doc);
  // The lint rule wupex-server-environment guarantees both servers; a missing one is a broken spec, not a user error.
  if (!url) throw new Error(`openapi/wupex.yaml declares no server with x-environment: ${environment}`);
  return new URL(url).origin;
}

/** Reasons shown on SKIP lines; tests pin them. */
export const REASONS = {
  prismKeys: 'plain Prism checks that x-api-key is present, not whether its value is valid',
  prismState: 'plain Prism keeps no state: it answers fixed examples',
  prismJson: 'plain Prism answers malformed JSON with its own non-envelope error body',
  prismMessages: 'plain Prism answers every 400 with the same example message, so rejections are judged by status and code only',
  prismSchema: 'plain Prism refuses every request outside the spec\'s schemas, so a decided clamp or language fallback (a 2xx to such a request) cannot be judged on it',
  prismValidation: 'plain Prism answers a request outside the schema with 422 wherever the operation documents a 422 (an adopted refusal), not with the decided 400',
  sandboxOrders: 'orders are not allowed against this target without --allow-orders',
  productionOrders: 'production is read-only: no order is ever placed there',
  remote: 'the real key is never sent in a query string to a remote host (it would land in its logs); checked on loopback targets only',
  realPrefer: 'the real API ignores Prefer: code=N, so 429/503 headers are judged only when they really occur',
} as const;

/** Missing capabilities per target kind; `allowsOrders` and `isLoopback` also depend on flags and the URL. */
export function missingFor(name: TargetName, allowOrders: boolean, loopback = name === 'mock' || name === 'prism'): Partial<Record<Capability, string>> {
  return { ...byKind(name, allowOrders), ...(loopback ? {} : { isLoopback: REASONS.remote }) };
}

function byKind(name: TargetName, allowOrders: boolean): Partial<Record<Capability, string>> {
  switch (name) {
    case 'prism':
      return { validatesKeyValues: REASONS.prismKeys, keepsState: REASONS.prismState, envelopesMalformedJson: REASONS.prismJson, namesFieldsInErrors: REASONS.prismMessages, acceptsBeyondSchema: REASONS.prismSchema, refusesInvalidAsDecided: REASONS.prismValidation };
    case 'production':
      return { allowsOrders: REASONS.productionOrders, honoursPrefer: REASONS.realPrefer };
    case 'sandbox':
      return allowOrders ? { honoursPrefer: REASONS.realPrefer } : { allowsOrders: REASONS.sandboxOrders, honoursPrefer: REASONS.realPrefer };
    case 'base-url':
      return allowOrders ? {} : { allowsOrders: REASONS.sandboxOrders };
    default:
      return {};
  }
}

/** Loopback hosts may receive a key over plain http, and orders by default (the client's rule, shared). */
export function isLoopback(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}
