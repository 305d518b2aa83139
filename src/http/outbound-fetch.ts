// A web fetch over the outbound path (for openapi-fetch and doctor): a web Request in, sendOutbound (the one hardened path) out, a web Response back.
import { kitError, type KitError } from '../core/result.ts';
import { sendOutbound, type OutboundOptions } from './outbound.ts';

/** The shape openapi-fetch and doctor's probes call. */
export type FetchLike = (input: Request) => Promise<Response>;

/** Thrown through openapi-fetch so the client can return the outbound path's error value as it is. */
export class OutboundFailure extends Error {
  constructor(readonly error: KitError) {
    super(error.message);
    this.name = 'OutboundFailure';
  }
}

const NULL_BODY = new Set([204, 205, 304]);

/** A FetchLike over sendOutbound: no redirect is followed (a 3xx comes back as it is), every limit applies. */
export function outboundFetch(options: OutboundOptions): FetchLike {
  return async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.body ? await request.text() : undefined;
    const sent = await sendOutbound({ method: request.method, url: request.url, headers, body }, options);
    if (!sent.ok) throw new OutboundFailure(sent.error);
    const { status, text } = sent.value;
    try {
      // The body is already decoded: its content-encoding must not make anyone decode it again.
      const { 'content-encoding': _encoding, 'content-length': _length, ...kept } = sent.value.headers;
      return new Response(NULL_BODY.has(status) ? null : text, { status, headers: kept });
    } catch (cause) {
      throw new OutboundFailure(kitError('UNEXPECTED_RESPONSE', `${request.method} ${request.url} answered with HTTP status ${status}, which is not a final answer.`, {
        hint: 'Check WUPEX_BASE_URL points at a WUPEX API.', cause,
      }));
    }
  };
}
