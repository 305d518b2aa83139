// Decides whether a captured value is a real-looking key, or a placeholder / documented fake that may stay in the repo.

/** Thresholds of the heuristic, in one place. */
export const DEFAULTS = {
  /** Shorter values are identifiers or examples, not keys. */
  minLength: 16,
  /** Shannon entropy in bits per character; random base64/hex keys sit well above 3.2. */
  minEntropy: 3.2,
} as const;

/**
 * Obvious placeholders: `YOUR_API_KEY`, `$WUPEX_API_KEY`, `${{ secrets.X }}`, `<key>`, `{{apiKey}}`, `xxxx`, `***`, `[REDACTED]`,
 * and code reading a value (`process.env.X`, `env.WUPEX_API_KEY_2`, `options.key`, `config.token`).
 */
const PLACEHOLDER = /^(?:\$|<|\{\{|\[|%|process\.env|(?:env|options|opts|config|settings|args|ctx|context|this|secrets)\.[A-Za-z_])|your[_-]|x{4,}|\*{3,}|\.{3}|REDACTED|placeholder|changeme/i;

/** Only characters keys are made of; anything else (parentheses, template syntax) is code, not a literal key. */
const KEY_CHARS = /^[A-Za-z0-9_\-+/=.~:]+$/;

/** Bits of information per character of `value`. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/** Options of `looksLikeSecret`: values that are documented fakes (the twin's demo keys). */
export interface SecretJudgeOptions {
  allowedValues: ReadonlySet<string>;
}

/**
 * True when `raw` looks like a real key: long, key-shaped, mixed letters and digits, high entropy,
 * and neither a placeholder nor an allowed value.
 * A value that merely calls itself `test` or `demo` is still reported: sandbox keys are secrets too (S2). Deliberately conservative to avoid noise on code.
 */
export function looksLikeSecret(raw: string, options: SecretJudgeOptions): boolean {
  const value = raw.trim().replace(/^["'`]|["'`]$/g, '');
  if (!value || options.allowedValues.has(value) || PLACEHOLDER.test(value)) return false;
  if (value.length < DEFAULTS.minLength || !KEY_CHARS.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return shannonEntropy(value) >= DEFAULTS.minEntropy;
}
