// The proxy's one way out: every forwarded request goes through the kit's outbound path (URL rules, no redirects, deadlines, size cap).
import { OUTBOUND_DEFAULTS, sendOutbound, type OutboundRequest, type OutboundResponse } from '../http/outbound.ts';
import type { KitError, Result } from '../result.ts';

export type ForwardRequest = OutboundRequest;
export type Forwarded = OutboundResponse;

export interface ForwardLimits {
  headersTimeoutMs: number;
  deadlineMs: number;
  maxResponseBytes: number;
}

export const FORWARD_DEFAULTS: ForwardLimits = { ...OUTBOUND_DEFAULTS };

/** Forward one request: a 3xx comes back as the response it is (never followed); never throws; production is refused. */
export function forward(request: ForwardRequest, limits: ForwardLimits = FORWARD_DEFAULTS): Promise<Result<Forwarded, KitError>> {
  return sendOutbound(request, limits);
}
