// The one Target interface: every check talks to the API through it, whatever answers (twin, Prism, sandbox).
import type { OutboundRequest } from '../../http/outbound.ts';
import type { KitError, Result } from '../../core/result.ts';

/**
 * What a target can support. `isLoopback` is a safety capability: the real key is put in a query string
 * (auth.key-in-query) only for a server on this machine, never where it would land in remote logs.
 */
export type Capability = 'validatesKeyValues' | 'keepsState' | 'allowsOrders' | 'envelopesMalformedJson' | 'honoursPrefer' | 'isLoopback' | 'namesFieldsInErrors';

export const CAPABILITIES: readonly Capability[] = ['validatesKeyValues', 'keepsState', 'allowsOrders', 'envelopesMalformedJson', 'honoursPrefer', 'isLoopback', 'namesFieldsInErrors'];

export type TargetName = 'mock' | 'prism' | 'sandbox' | 'production' | 'base-url';

/** The request as sent, kept as plain data so checks and reports never touch stream bodies. */
export type ExchangeRequest = OutboundRequest;

/** The response normalised once: lower-case headers, the text, and the parsed JSON when it parses. */
export interface ExchangeResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
}

/** One request/response pair: what every pure check looks at. */
export interface Exchange {
  request: ExchangeRequest;
  response: ExchangeResponse;
  durationMs: number;
}

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

/** Normalise a fetch Response into plain data (reads the body once). */
export async function readResponse(response: Response): Promise<ExchangeResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return toExchangeResponse(response.status, headers, await response.text());
}

/** Plain data from status, lower-case headers and text: the parsed JSON when it parses. */
export function toExchangeResponse(status: number, headers: Record<string, string>, text: string): ExchangeResponse {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined; // not JSON: the content-type and envelope checks report it
  }
  return { status, headers, text, json };
}

/** Build a fetch Request from the plain request data. */
export function toFetchRequest(request: ExchangeRequest, signal?: AbortSignal): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, body: request.body, signal });
}
