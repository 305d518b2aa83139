// Test helper: wrap an in-process fetch so a request or response can be rewritten as plain data.
export type Fetch = (request: Request) => Promise<Response>;

export interface PlainRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Rewrite {
  request?: (request: PlainRequest) => PlainRequest;
  response?: (response: PlainResponse, request: PlainRequest) => PlainResponse;
}

async function toPlain(request: Request): Promise<PlainRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  const body = request.method === 'GET' ? undefined : await request.text();
  return { method: request.method, url: new URL(request.url), headers, body };
}

/** Rewrite what goes into and comes out of `inner`; untouched parts pass through as they were. */
export function rewriteFetch(inner: Fetch, rewrite: Rewrite): Fetch {
  return async (original) => {
    const plain = await toPlain(original);
    const sent = rewrite.request ? rewrite.request(plain) : plain;
    const response = await inner(new Request(sent.url, { method: sent.method, headers: sent.headers, body: sent.body }));
    if (!rewrite.response) return response;
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
    const out = rewrite.response({ status: response.status, headers, body: await response.text() }, sent);
    return new Response(out.body, { status: out.status, headers: out.headers });
  };
}

/** Edit a JSON body; non-JSON bodies pass through unchanged. */
export function editJson(body: string, edit: (json: Record<string, unknown>) => unknown): string {
  try {
    return JSON.stringify(edit(JSON.parse(body) as Record<string, unknown>));
  } catch {
    return body;
  }
}
