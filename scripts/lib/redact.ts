// Secret redaction: the one function every line of kit output passes through before it is written.
import { createHash } from 'node:crypto';

export const REDACTED = '[REDACTED]';

/** Short, stable, non-reversible label for a key, safe to log ("key#3fa1c2"). */
export function fingerprint(key: string | undefined): string {
  if (!key) return 'no-key';
  return `key#${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
}

/**
 * Returns a function that replaces every known secret (and its URL-encoded form) with [REDACTED],
 * and also blanks any `x-api-key` header value or `api-key`-like query parameter it sees, so a key
 * we were never told about still does not leak.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const known = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 4)
    .flatMap((s) => [s, encodeURIComponent(s)])
    .sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join(REDACTED);
    return out
      // A shell reference ("x-api-key: $KEY") is not a key: leave it, so printed curl lines stay pasteable.
      .replace(/(x-api-key["']?\s*[:=]\s*["']?)(?!\$)([^\s"',;&]+)/gi, `$1${REDACTED}`)
      .replace(/([?&](?:x-api-key|api[-_]?key|apikey)=)([^&\s"']+)/gi, `$1${REDACTED}`);
  };
}
