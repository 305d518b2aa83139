// Serves the twin's handle() as a web fetch function: no port, for supertest-free tests and the contract suite's mock target.
import { BODY_LIMIT, splitUrl, type Handle } from './node-adapter.ts';

interface WebInput {
  method: string;
  headers: Record<string, string>;
  tooLarge: boolean;
  text: string | undefined;
}

/** The web Request as the pipeline wants it: lower-case headers, the body text under the 64 KiB cap. */
async function readWebRequest(request: Request): Promise<WebInput> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (Number(headers['content-length'] ?? 0) > BODY_LIMIT) return { method: request.method, headers, tooLarge: true, text: undefined };
  const bytes = request.body ? await readCapped(request.body, BODY_LIMIT) : new Uint8Array();
  if (!bytes) return { method: request.method, headers, tooLarge: true, text: undefined };
  return { method: request.method, headers, tooLarge: false, text: bytes.length ? new TextDecoder().decode(bytes) : undefined };
}

/**
 * The stream's bytes, or undefined as soon as they pass `limit`: the rest is cancelled unread, so a body without a
 * Content-Length (a stream, msw's intercepted request) costs at most the limit, not its whole size (issue 17 #16).
 */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** `fetch(request)` in-process: web Request in, web Response out. */
export function createFetch(handle: Handle): (request: Request) => Promise<Response> {
  return async (request) => {
    const { method, headers, tooLarge, text } = await readWebRequest(request);
    const url = new URL(request.url);
    const { query, repeated } = splitUrl(`?${url.search.slice(1)}`);
    const answer = await handle({ method, path: url.pathname, query, repeatedQuery: repeated, headers, bodyText: text }, tooLarge);
    // A HEAD answer carries the headers of the GET answer and no body (RFC 9110 §9.3.2), as node:http sends it.
    const body = method === 'HEAD' ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
}
