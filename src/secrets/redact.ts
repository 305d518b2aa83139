// Secret redaction and output sanitising: every line of kit output passes through here before it is written.
import { createHash } from 'node:crypto';

export const REDACTED = '[REDACTED]';

/** Runs of this many consecutive characters of a key are redacted too: a cut or partly echoed key stays hidden. */
export const REDACT_DEFAULTS = { minRun: 8 } as const;

/** Short, stable, non-reversible label for a key, safe to log ("key#3fa1c2"). */
export function fingerprint(key: string | undefined): string {
  if (!key) return 'no-key';
  return `key#${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
}

/** Every distinct window of `minRun` characters of each secret form. */
function windowsOf(forms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const form of forms) for (let i = 0; i + REDACT_DEFAULTS.minRun <= form.length; i += 1) out.add(form.slice(i, i + REDACT_DEFAULTS.minRun));
  return [...out];
}

/** Replace every span covered by a window (overlapping windows merge into one span) with [REDACTED]. */
function redactRuns(text: string, windows: readonly string[]): string {
  const covered = new Uint8Array(text.length);
  let any = false;
  for (const window of windows) {
    for (let at = text.indexOf(window); at >= 0; at = text.indexOf(window, at + 1)) {
      covered.fill(1, at, at + window.length);
      any = true;
    }
  }
  if (!any) return text;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    if (!covered[i]) out += text[i];
    else if (i === 0 || !covered[i - 1]) out += REDACTED;
  }
  return out;
}

/**
 * Characters that print as nothing: C0/C1 controls but newline and tab, DEL, format characters (zero-width, bidi,
 * soft hyphen, BOM, word joiners: \p{Cf}), line/paragraph separators, variation selectors, the combining grapheme
 * joiner and the Hangul fillers. A server can interleave them with a key's characters so that a redactor looking for
 * the key misses it while a terminal or viewer shows it whole (issue 17 #1); they are removed before redaction.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\p{Cf}]|\udb40[\udd00-\uddef]/gu;

/** The text without the characters that print as nothing (see INVISIBLE): what every redaction runs on. */
export function normaliseText(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Returns a function that replaces every known secret (its exact text, its URL-encoded form, and any run of
 * 8 or more of its consecutive characters) with [REDACTED], and also blanks any `x-api-key` header value or
 * `api-key`-like query parameter it sees, so a key we were never told about still does not leak.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const known = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 4)
    .flatMap((s) => [s, encodeURIComponent(s)])
    .sort((a, b) => b.length - a.length);
  const windows = windowsOf(known);
  return (text: string) => {
    let out = normaliseText(text);
    for (const secret of known) out = out.split(secret).join(REDACTED);
    return redactRuns(out, windows)
      // A shell reference ("x-api-key: $KEY") is not a key: leave it, so printed curl lines stay pasteable. Nor is the
      // location "header.x-api-key: expected ..." of a proxy/replay violation line: its colon is followed by our own text.
      .replace(/((?<!\bheader\.)x-api-key["']?\s*[:=]\s*["']?)(?!\$)([^\s"',;&]+)/gi, `$1${REDACTED}`)
      .replace(/([?&](?:x-api-key|api[-_]?key|apikey)=)([^&\s"']+)/gi, `$1${REDACTED}`);
  };
}

/**
 * Control characters a server could use to rewrite a terminal (ESC sequences, carriage return, BEL, DEL, C1), and
 * the other invisible characters of normaliseText.
 */
export function stripControl(text: string): string {
  return normaliseText(text);
}

export interface SanitiseOptions {
  /** Keep at most this many characters (after redaction), marking the cut with "…". */
  max?: number;
}

/**
 * The order that keeps a key hidden: normalise (remove invisible characters, so none can split a key past recognition),
 * redact, then truncate. Build once per process with every secret it holds.
 */
export function createSanitiser(secrets: ReadonlyArray<string | undefined>): (text: string, options?: SanitiseOptions) => string {
  const redact = createRedactor(secrets);
  return (text, options = {}) => {
    const redacted = redact(text);
    return options.max !== undefined && redacted.length > options.max ? `${redacted.slice(0, options.max)}…` : redacted;
  };
}
