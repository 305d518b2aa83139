// One GET through the outbound path (headers timeout = deadline = the probe's), that never throws: an HTTP answer (any status) or the reason there was none.
export type ProbeOutcome = { answered: true; status: number; body: unknown } | { answered: false; reason: string };

/** What a probe's fetch may be: the outbound path (createDoctorContext) or a test double; `limits` bound each probe. */
export type ProbeFetch = (request: Request, limits: { timeoutMs: number }) => Promise<Response>;

/** The innermost useful message: the outbound path (or undici) keeps "connect ECONNREFUSED 127.0.0.1:9" in `cause`. */
export function describeFailure(cause: unknown, timeoutMs: number): string {
  const name = (cause as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const outbound = name === 'OutboundFailure' ? (cause as { error: { code: string; message: string; cause?: unknown } }).error : undefined;
  if (outbound?.code === 'TARGET_TIMEOUT') return `no answer within ${timeoutMs} ms`;
  if (outbound) return (outbound.cause as Error | undefined)?.message ?? outbound.message;
  const inner = (cause as { cause?: { code?: string; message?: string } } | null)?.cause;
  return inner?.message ?? inner?.code ?? (cause instanceof Error ? cause.message : String(cause));
}

/** GET `url` with Accept-Language and no key (reachability needs no credentials); `headers` adds more (the key check). The fetch enforces `timeoutMs`. */
export async function probe(send: ProbeFetch, url: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<ProbeOutcome> {
  try {
    const response = await send(new Request(url, { headers: { 'Accept-Language': 'en-US', ...headers } }), { timeoutMs });
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
