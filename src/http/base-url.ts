// Base URL rules shared by the client, the example and doctor: parse, loopback, and which WUPEX environment a URL is.
import { checkOutboundUrl, isLoopbackHost, normaliseHost } from './url-rules.ts';
import { err, ok, type Result } from '../core/result.ts';
import type { Document } from '../spec/spec.ts';

/** The offline twin's address (`npm run mock`), the kit's default target. */
export const TWIN_URL = 'http://127.0.0.1:4010';

/** 127.0.0.0/8, localhost and ::1 (normalised): the only hosts plain http may carry a key to. */
export { isLoopbackHost };

/**
 * Parse a base URL and refuse what would leak the key (the outbound path's URL rules, url-rules.ts): a non-http(s)
 * scheme or credentials in the URL (CONFIG_INVALID), plain http to a host that is not loopback (INSECURE_BASE_URL).
 * Production is not judged here: each entry point decides. Returns the URL without a trailing slash.
 */
export function parseBaseUrl(text: string, source = 'WUPEX_BASE_URL'): Result<URL> {
  const checked = checkOutboundUrl(text, { source, allowProduction: true });
  if (!checked.ok) return err({ ...checked.error, code: checked.error.code === 'URL_REFUSED' ? 'CONFIG_INVALID' : checked.error.code });
  const url = checked.value;
  url.pathname = url.pathname.replace(/\/+$/, '');
  return ok(url);
}

/** The base URL as a string for openapi-fetch: origin plus any path prefix, no trailing slash. */
export function baseUrlString(url: URL): string {
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export type Environment = 'sandbox' | 'production' | 'local' | 'unknown';

/** Which environment a URL points at, read from the spec's `servers[].x-environment` (DECISIONS #25), by normalised host. */
export function environmentOf(url: URL, doc: Document): Environment {
  for (const server of doc.servers ?? []) {
    const env = (server as { 'x-environment'?: string })['x-environment'];
    if (env !== 'sandbox' && env !== 'production') continue;
    if (normaliseHost(new URL(server.url).hostname) === normaliseHost(url.hostname)) return env;
  }
  return isLoopbackHost(url.hostname) ? 'local' : 'unknown';
}

/** The server URL the spec gives for an environment (the sandbox probe of doctor, the example's guard). */
export function serverUrlOf(environment: 'sandbox' | 'production', doc: Document): string | undefined {
  return doc.servers?.find((s) => (s as { 'x-environment'?: string })['x-environment'] === environment)?.url;
}
