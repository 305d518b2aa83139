// The one Target interface: every check talks to the API through it, whatever answers (twin, Prism, sandbox).
import type { Exchange, ExchangeRequest } from '../../http/exchange.ts';
import type { KitError, Result } from '../../core/result.ts';

/**
 * What a target can support. `isLoopback` is a safety capability: the real key is put in a query string
 * (auth.key-in-query) only for a server on this machine, never where it would land in remote logs.
 */
export type Capability = 'validatesKeyValues' | 'keepsState' | 'allowsOrders' | 'envelopesMalformedJson' | 'honoursPrefer' | 'isLoopback' | 'namesFieldsInErrors' | 'acceptsBeyondSchema' | 'refusesInvalidAsDecided';

export const CAPABILITIES: readonly Capability[] = ['validatesKeyValues', 'keepsState', 'allowsOrders', 'envelopesMalformedJson', 'honoursPrefer', 'isLoopback', 'namesFieldsInErrors', 'acceptsBeyondSchema', 'refusesInvalidAsDecided'];

export type { Exchange, ExchangeRequest, ExchangeResponse } from '../../http/exchange.ts';
export { readResponse, toExchangeResponse, toFetchRequest } from '../../http/exchange.ts';

export type TargetName = 'mock' | 'prism' | 'sandbox' | 'production' | 'base-url';

export interface Target {
  readonly name: TargetName;
  /** Base URL used in curl lines and messages (the twin prints its default local address). */
  readonly baseUrl: string;
  /** The key checks send as "valid"; it is a secret and is redacted on output. */
  readonly apiKey: string;
  /** Merchant code for orders, when known. */
  readonly merchantCode?: string;
  /** Production: only read-only operations are ever sent. */
  readonly readOnly: boolean;
  /** Capability → undefined when supported, or the reason it is not. */
  readonly missing: Partial<Record<Capability, string>>;
  send(request: ExchangeRequest): Promise<Result<Exchange, KitError>>;
  close(): Promise<void>;
}
