// The proxy's one way out: every forwarded request goes through the kit's outbound path (URL rules, no redirects, deadlines, size cap).
import { Agent as HttpAgent, type Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { OUTBOUND_DEFAULTS, sendOutbound, type OutboundRequest, type OutboundResponse } from '../http/outbound.ts';
import type { KitError, Result } from '../core/result.ts';

export type ForwardRequest = OutboundRequest;
export type Forwarded = OutboundResponse;

export interface ForwardLimits {
  headersTimeoutMs: number;
  deadlineMs: number;
  maxResponseBytes: number;
}

export const FORWARD_DEFAULTS: ForwardLimits = { ...OUTBOUND_DEFAULTS };

/**
 * Forward one request: a 3xx comes back as the response it is (never followed); never throws; production is refused.
 * `agent`: the proxy's own keep-alive pool for its upstream (one per proxy, closed with it).
 */
export function forward(request: ForwardRequest, limits: ForwardLimits = FORWARD_DEFAULTS, agent?: Agent): Promise<Result<Forwarded, KitError>> {
  return sendOutbound(request, { ...limits, agent });
}

/** The keep-alive pool a proxy forwards through: one per proxy and upstream, so connections are reused, not opened per request. */
export function createUpstreamAgent(upstreamUrl: string): Agent {
  return upstreamUrl.startsWith('https:') ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
}
