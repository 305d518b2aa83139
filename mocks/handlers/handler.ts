// The shape every stateful handler has: a function of (account, store, validated request) to a Result.
import type { Result } from '../../src/core/result.ts';
import type { VendorError } from '../errors.ts';
import type { AccountState, MockStore } from '../store.ts';

/** What a handler sees: the caller's own account, the server's store, and the request Prism already validated. */
export interface HandlerContext {
  account: AccountState;
  store: MockStore;
  body: unknown;
  query: Record<string, string>;
}

/** A handler answers 200 with a success body, or a vendor error (the catalogue picks the status). */
export type Handler = (context: HandlerContext) => Result<unknown, VendorError>;
