// Which request targets the proxy forwards (issue 17 #4): origin-form only, never one that can leave the upstream's origin or base path.

/** Why a request target is refused, or undefined when it is a plain origin-form `/path?query`. */
export function refuseTarget(raw: string): string | undefined {
  if (!raw.startsWith('/') || raw.startsWith('//')) return `only origin-form request targets (/path?query) are forwarded; received '${raw.slice(0, 100)}'`;
  if (raw.includes('\\')) return 'a backslash in the request target is refused';
  const path = raw.split(/[?#]/, 1)[0] ?? '';
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `the path segment '${segment.slice(0, 100)}' is not valid percent-encoding`;
    }
    if (decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\')) return `dot segments and encoded slashes ('${segment.slice(0, 100)}') are refused: they could leave the upstream's base path`;
  }
  return undefined;
}

/**
 * The upstream URL for an accepted origin-form target, by URL resolution against the upstream's origin: the base path is
 * kept, and a result on another origin or outside the base path (impossible after refuseTarget) is refused, not sent.
 */
export function upstreamUrl(base: string, target: string): string | undefined {
  const parsed = new URL(base);
  const basePath = parsed.pathname.replace(/\/+$/, '');
  const url = new URL(`${basePath}${target}`, parsed.origin);
  if (url.origin !== parsed.origin || !url.pathname.startsWith(`${basePath}/`)) return undefined;
  return url.href;
}
