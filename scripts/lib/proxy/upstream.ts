// Where the proxy forwards: `mock` (the twin, started in-process on a free loopback port), `sandbox` (from the spec's servers), or a URL.
import { baseUrlString, environmentOf, parseBaseUrl, serverUrlOf, TWIN_URL } from '../../client/base-url.ts';
import { createMockServer, type MockServerOptions } from '../../../mocks/server.ts';
import type { Document } from '../spec.ts';
import { err, kitError, ok, type Result } from '../result.ts';

export interface Upstream {
  /** What requests are sent to. */
  url: string;
  /** What recordings and messages show (the twin's public address for `mock`). */
  shownAs: string;
  close(): Promise<void>;
}

const usage = (message: string) => err(kitError('USAGE', message, { hint: 'Use --upstream mock, --upstream sandbox, or --upstream https://host (plain http only to 127.0.0.1, localhost or [::1]).' }));

/** Resolve `--upstream`; the twin's options (seed, clock, catalogue) apply to `mock` only. */
export async function resolveUpstream(raw: string, doc: Document, twin: MockServerOptions = {}): Promise<Result<Upstream>> {
  if (raw === 'mock') {
    const server = await createMockServer(twin);
    const address = await server.listen(0, '127.0.0.1');
    return ok({ url: address.url, shownAs: TWIN_URL, close: server.close });
  }
  const named = raw === 'sandbox' ? serverUrlOf('sandbox', doc) : raw;
  if (!named) return usage('The spec names no sandbox server (servers[].x-environment: sandbox).');
  const parsed = parseBaseUrl(named, '--upstream');
  if (!parsed.ok) return usage(parsed.error.message);
  if (environmentOf(parsed.value, doc) === 'production') return usage(`--upstream ${parsed.value.origin} is production; the proxy forwards only to the sandbox, the twin or a test server.`);
  const base = baseUrlString(parsed.value);
  return ok({ url: base, shownAs: base, close: async () => undefined });
}
