// The shape every stateful handler has: a function of (account, store, validated request) to a Result.
import type { Result } from '../../src/core/result.ts';
import type { LoadedDecisions } from '../../src/spec/decisions.ts';
import type { VendorError } from '../errors.ts';
import type { AccountState, MockStore } from '../store.ts';

/** What a handler sees: the caller's own account, the server's store, the decisions, and the request Prism already validated. */
export interface HandlerContext {
  account: AccountState;
  /** openapi/decisions.yaml (or the profile given), loaded once per twin and frozen. */
  decisions: LoadedDecisions;
  store: MockStore;
  body: unknown;
  query: Record<string, string>;
}

/** A handler answers a success body (200, or the decided success status), or a vendor error (its decided status, else the catalogue's). */
export type Handler = (context: HandlerContext) => Result<unknown, VendorError>;
