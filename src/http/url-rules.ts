// The URL rules every outbound request obeys: https (plain http to loopback only), no credentials, production only when asked.
import { domainToASCII } from 'node:url';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { loadSpec } from '../spec/spec.ts';

/**
 * The host as a comparison key: percent-decoded, lower case, trailing dots removed, IDN to ASCII (punycode).
 * `SERVICE.wupex.com.`, `service.wupex.com%2E` and `service。wupex。com` all become `service.wupex.com`.
 */
export function normaliseHost(hostname: string): string {
  let host = hostname.replace(/^\[|\]$/g, '');
  try {
    host = decodeURIComponent(host);
  } catch {
    // A lone "%" is not an escape; keep the text as it is.
  }
  host = host.toLowerCase().replace(/\.+$/, '');
  return domainToASCII(host) || host;
}

/** 127.0.0.0/8, localhost and ::1: the only hosts plain http may carry a key to. */
export function isLoopbackHost(hostname: string): boolean {
  const host = normaliseHost(hostname);
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The production server's host, read once from the spec's `servers[].x-environment: production` (DECISIONS #25). */
export const PRODUCTION_HOSTNAME: string = (() => {
  // loadSpec: the build's snapshot when fresh, else js-yaml (the `yaml` package took a few hundred ms here, in every script that imports this).
  const doc = loadSpec() as { servers?: Array<{ url: string; 'x-environment'?: string }> };
  const server = doc.servers?.find((s) => s['x-environment'] === 'production');
  // The lint rule wupex-server-environment guarantees it; a missing one is a broken spec, not a user error.
  if (!server) throw new Error('openapi/wupex.yaml declares no server with x-environment: production');
  return normaliseHost(new URL(server.url).hostname);
})();

/** True when `url` points at the spec's production host, however it is spelled (any port). */
export function isProductionUrl(url: URL, productionHostname: string = PRODUCTION_HOSTNAME): boolean {
  return normaliseHost(url.hostname) === normaliseHost(productionHostname);
}

export interface UrlRuleOptions {
  /** Refuse the production host unless true. */
  allowProduction?: boolean;
  /** Where the URL came from, for messages ("--base-url", "WUPEX_BASE_URL"); default "The URL". */
  source?: string;
}

/** A URL with a password or user name, written without them: safe to name in a message. */
const shown = (url: URL) => `${url.protocol}//${url.host}${url.pathname}`;

/**
 * Parse and judge one URL against every rule. Codes: URL_REFUSED (not a URL, not http(s), credentials),
 * INSECURE_BASE_URL (plain http to a host that is not loopback), PRODUCTION_REFUSED.
 */
export function checkOutboundUrl(raw: string, options: UrlRuleOptions = {}): Result<URL> {
  const source = options.source ?? 'The URL';
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    return err(kitError('URL_REFUSED', `${source} is not a URL: "${raw.replace(/\/\/[^/@]*@/, '//***@')}".`, {
      hint: 'Use an absolute URL such as https://sandbox-service.wupex.com or http://127.0.0.1:4010.', cause,
    }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err(kitError('URL_REFUSED', `${source} must be http:// or https://, got "${url.protocol}".`, {
      hint: 'Use https:// for WUPEX hosts; http:// only for a server on loopback (the twin).',
    }));
  }
  if (url.username || url.password) {
    return err(kitError('URL_REFUSED', `${source} must not carry credentials (user:password@): ${shown(url)}.`, {
      hint: 'Put the key in WUPEX_API_KEY; it travels only in the x-api-key header.',
    }));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return err(kitError('INSECURE_BASE_URL', `${source} is plain http:// to ${url.host}: the API key would travel in clear.`, {
      hint: `Use https://${url.host}, or http:// only to 127.0.0.1, localhost or [::1] (the twin).`,
    }));
  }
  if (!options.allowProduction && isProductionUrl(url)) {
    return err(kitError('PRODUCTION_REFUSED', `${source} points at production (${url.host}), which was not asked for.`, {
      hint: 'Use the sandbox (https://sandbox-service.wupex.com) or the twin; production needs an explicit opt-in (verify: --target production).',
    }));
  }
  return ok(url);
}
