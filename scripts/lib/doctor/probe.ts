// One GET with a timeout that never throws: an HTTP answer (any status) or the reason there was none.
export type ProbeOutcome = { answered: true; status: number; body: unknown } | { answered: false; reason: string };

/** The innermost useful message: undici hides "ECONNREFUSED 127.0.0.1:9" or "ENOTFOUND host" in `cause`. */
export function describeFailure(cause: unknown, timeoutMs: number): string {
  const name = (cause as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const inner = (cause as { cause?: { code?: string; message?: string } } | null)?.cause;
  return inner?.message ?? inner?.code ?? (cause instanceof Error ? cause.message : String(cause));
}

/** GET `url` with Accept-Language and no key (reachability needs no credentials); `headers` adds more (the key check). */
export async function probe(fetch: (r: Request) => Promise<Response>, url: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<ProbeOutcome> {
  try {
    const response = await fetch(new Request(url, { headers: { 'Accept-Language': 'en-US', ...headers }, signal: AbortSignal.timeout(timeoutMs) }));
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // A non-JSON body is still an answer; keep the text.
    }
    return { answered: true, status: response.status, body };
  } catch (cause) {
    return { answered: false, reason: describeFailure(cause, timeoutMs) };
  }
}
