// One request/response pair as plain data: what checks judge, recordings store and reports show.
import type { OutboundRequest } from './outbound.ts';

/**
 * What a request is evidence for (issue 16, `--propose`): the decisions.yaml entry it probes (`contentType`,
 * `pullCodes.outOfStock`, ...) and the input a refusal's message should name. Set by the contract checks, kept in
 * recordings as `_evidenceFor`; never sent.
 */
export interface EvidenceTag {
  entry: string;
  names?: string;
}

/** The request as sent, kept as plain data so checks and reports never touch stream bodies. */
export type ExchangeRequest = OutboundRequest & { evidenceFor?: EvidenceTag };

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
