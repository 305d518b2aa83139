// Base URL rules shared by the client, the example and doctor: parse, loopback, and which WUPEX environment a URL is.
import { err, kitError, ok, type Result } from '../lib/result.ts';
import type { Document } from '../lib/spec.ts';

/** The offline twin's address (`npm run mock`), the kit's default target. */
export const TWIN_URL = 'http://127.0.0.1:4010';

/** 127.0.0.0/8, localhost and ::1: the only hosts plain http may carry a key to. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Parse a base URL and refuse what would leak the key: a non-http(s) scheme, credentials in the URL,
 * or plain http to a host that is not loopback (S2, S3: TLS only). Returns the URL without a trailing slash.
 */
export function parseBaseUrl(text: string, source = 'WUPEX_BASE_URL'): Result<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    return err(kitError('CONFIG_INVALID', `${source} is not a URL: "${text}".`, {
      hint: `Use a base URL such as https://sandbox-service.wupex.com or ${TWIN_URL}.`,
      cause,
    }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err(kitError('CONFIG_INVALID', `${source} must be http:// or https://, got "${url.protocol}".`, {
      hint: 'Use https:// for WUPEX hosts; http:// only for the twin on loopback.',
    }));
  }
  if (url.username || url.password) {
    return err(kitError('CONFIG_INVALID', `${source} must not carry credentials (user:password@).`, {
      hint: 'Put the key in WUPEX_API_KEY; it travels only in the x-api-key header.',
    }));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return err(kitError('INSECURE_BASE_URL', `${source} is plain http:// to ${url.host}: the API key would travel in clear.`, {
      hint: `Use https://${url.host}, or http:// only to 127.0.0.1, localhost or [::1] (the twin).`,
    }));
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return ok(url);
}

/** The base URL as a string for openapi-fetch: origin plus any path prefix, no trailing slash. */
export function baseUrlString(url: URL): string {
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export type Environment = 'sandbox' | 'production' | 'local' | 'unknown';

/** Which environment a URL points at, read from the spec's `servers[].x-environment` (DECISIONS #25). */
export function environmentOf(url: URL, doc: Document): Environment {
  for (const server of doc.servers ?? []) {
    const env = (server as { 'x-environment'?: string })['x-environment'];
    if (env !== 'sandbox' && env !== 'production') continue;
    if (new URL(server.url).host === url.host) return env;
  }
  return isLoopbackHost(url.hostname) ? 'local' : 'unknown';
}

/** The server URL the spec gives for an environment (the sandbox probe of doctor, the example's guard). */
export function serverUrlOf(environment: 'sandbox' | 'production', doc: Document): string | undefined {
  return doc.servers?.find((s) => (s as { 'x-environment'?: string })['x-environment'] === environment)?.url;
}
