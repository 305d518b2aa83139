// HAR 1.2 (the format browsers, Polly.js and Insomnia read): the types we write, and Exchange <-> entry conversion.
import type { EvidenceTag, Exchange, ExchangeResponse } from '../http/exchange.ts';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarNameValue[];
    queryString: HarNameValue[];
    cookies: HarNameValue[];
    headersSize: number;
    bodySize: number;
    postData?: { mimeType: string; text: string };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarNameValue[];
    cookies: HarNameValue[];
    content: { size: number; mimeType: string; text: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  /** Our annotation (HAR allows `_`-prefixed custom fields): violations the proxy counted on this exchange. */
  _violations?: number;
  /** Our annotation: the decided point verify probed with this request (`--propose` reads it back). */
  _evidenceFor?: EvidenceTag;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    comment?: string;
  };
}

export const HAR_CREATOR = { name: 'wupex-contract', version: '0.1.0' } as const;

const pairs = (record: Record<string, string>): HarNameValue[] => Object.entries(record).map(([name, value]) => ({ name, value }));
const bytes = (text: string | undefined) => (text === undefined ? 0 : Buffer.byteLength(text));

/** One exchange as a HAR entry (no masking here: the writer masks every entry before it is kept). */
export function toHarEntry(exchange: Exchange, startedAt: Date): HarEntry {
  const { request, response } = exchange;
  const url = new URL(request.url);
  const contentType = request.headers['content-type'];
  return {
    startedDateTime: startedAt.toISOString(),
    time: exchange.durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      headers: pairs(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: bytes(request.body),
      ...(request.body === undefined ? {} : { postData: { mimeType: contentType ?? '', text: request.body } }),
    },
    response: {
      status: response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: pairs(response.headers),
      cookies: [],
      content: { size: bytes(response.text), mimeType: response.headers['content-type'] ?? '', text: response.text },
      redirectURL: response.headers.location ?? '',
      headersSize: -1,
      bodySize: bytes(response.text),
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
    ...(request.evidenceFor ? { _evidenceFor: { ...request.evidenceFor } } : {}),
  };
}

/** A recorded `_evidenceFor` as a tag only when it has the shape we write (a hand-edited one is ignored, not trusted). */
function evidenceTag(value: unknown): EvidenceTag | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { entry, names } = value as Record<string, unknown>;
  if (typeof entry !== 'string' || !/^[A-Za-z.]{1,64}$/.test(entry)) return undefined;
  return typeof names === 'string' && names.length <= 64 ? { entry, names } : { entry };
}

const record = (list: HarNameValue[]): Record<string, string> => Object.fromEntries(list.map((h) => [h.name.toLowerCase(), h.value]));

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // not JSON: the content-type and envelope checks report it
  }
}

const withTag = (tag: EvidenceTag | undefined) => (tag ? { evidenceFor: tag } : {});

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/**
 * Why an entry (valid HAR 1.2 as far as the schema goes) cannot be judged, or undefined: its URL is not absolute (HAR 1.2
 * requires one; the schema does not check it), its answer was not recorded (`content.text` absent, as browsers do for
 * some bodies), or its `content.encoding: base64` text is not base64.
 */
export function entryProblem(entry: HarEntry): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(entry.request.url);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) return `request.url is not an absolute http(s) URL (HAR 1.2 requires one; got ${JSON.stringify(String(entry.request.url).slice(0, 80))})`;
  const content = entry.response.content as HarEntry['response']['content'] & { encoding?: unknown };
  if (typeof content.text !== 'string') return 'response.content.text is missing (the answer was not recorded), so it cannot be judged';
  if (content.encoding !== undefined && content.encoding !== 'base64') return `response.content.encoding ${JSON.stringify(content.encoding)} is not one replay can decode (only base64)`;
  if (content.encoding === 'base64' && !BASE64.test(content.text)) return 'response.content.text is marked base64 but is not base64';
  return undefined;
}

/** The answer's text: base64 content (HAR 1.2 `encoding`) decoded as UTF-8. */
function contentText(content: HarEntry['response']['content'] & { encoding?: unknown }): string {
  const text = content.text ?? '';
  return content.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

/** A recorded entry back as the Exchange every pure check reads (call entryProblem first: this assumes none). */
export function toExchange(entry: HarEntry): Exchange {
  const text = contentText(entry.response.content);
  const response: ExchangeResponse = { status: entry.response.status, headers: record(entry.response.headers), text, json: parseJson(text) };
  return {
    request: { method: entry.request.method, url: entry.request.url, headers: record(entry.request.headers), body: entry.request.postData?.text, ...withTag(evidenceTag(entry._evidenceFor)) },
    response,
    durationMs: entry.time,
  };
}
