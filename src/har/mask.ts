// What a recording may hold: the key only as its fingerprint, no cookies or authorization, serial codes cut to their last 4 characters.
import { createRedactor, fingerprint } from '../secrets/redact.ts';
import type { HarEntry, HarNameValue } from './har.ts';

/** Headers never written to a recording (credentials a browser or proxy may add). */
const DROPPED = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);
const KEY_PARAM = /^(x-api-key|api[-_]?key|apikey)$/i;
/** Codes shorter than this are masked entirely: showing 4 of 6 characters would give most of a code away. */
export const MASK_DEFAULTS = { keep: 4, minLengthToKeep: 8 } as const;

/** "[redacted key#3fa1c2]": tells which key was used without holding it. */
export const redactedKey = (key: string): string => `[redacted ${fingerprint(key)}]`;

/** "************WXYZ": every character but the last 4 (codes are money). */
export function maskSerial(code: string): string {
  if (code.length < MASK_DEFAULTS.minLengthToKeep) return '*'.repeat(code.length);
  return '*'.repeat(code.length - MASK_DEFAULTS.keep) + code.slice(-MASK_DEFAULTS.keep);
}

/** A numeric code keeps its type (replay still sees a number where the spec wants a string) but only its last 4 digits. */
function maskNumber(code: number): number {
  const digits = String(code);
  return digits.length < MASK_DEFAULTS.minLengthToKeep ? 0 : Number(digits.slice(-MASK_DEFAULTS.keep));
}

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      // Any casing (`SerialCode`, `serialcode`): a server that renames the field still holds codes that are money.
      if (k.toLowerCase() !== 'serialcode') return [k, maskJson(v)];
      return [k, typeof v === 'string' ? maskSerial(v) : typeof v === 'number' ? maskNumber(v) : maskJson(v)];
    }),
  );
}

/** Mask serial codes in a body: structurally when it is JSON (keeps it valid JSON), by pattern otherwise. */
export function maskSerialsInText(text: string): string {
  try {
    return JSON.stringify(maskJson(JSON.parse(text)));
  } catch {
    return text
      .replace(/("serialcode"\s*:\s*")((?:[^"\\]|\\.)*)"/gi, (_m, head: string, code: string) => `${head}${maskSerial(code)}"`)
      .replace(/("serialcode"\s*:\s*)(\d+)/gi, (_m, head: string, code: string) => `${head}${maskSerial(code).replace(/\*/g, '0')}`);
  }
}

/** Every string of a value passed through `redact`: the key cannot hide in a field the masking above does not name. */
function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, redact)) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, redact)])) as T;
}

function maskHeaders(headers: HarNameValue[]): HarNameValue[] {
  return headers
    .filter((h) => !DROPPED.has(h.name.toLowerCase()))
    .map((h) => (h.name.toLowerCase() === 'x-api-key' ? { name: h.name, value: redactedKey(h.value) } : h));
}

function maskUrl(raw: string): string {
  const url = new URL(raw);
  for (const [name, value] of [...url.searchParams]) if (KEY_PARAM.test(name)) url.searchParams.set(name, redactedKey(value));
  return url.toString();
}

/** The keys this entry carries (header and query), so an echo anywhere in a body is redacted too. */
function keysOf(entry: HarEntry): string[] {
  const fromHeaders = entry.request.headers.filter((h) => h.name.toLowerCase() === 'x-api-key').map((h) => h.value);
  const fromQuery = entry.request.queryString.filter((q) => KEY_PARAM.test(q.name)).map((q) => q.value);
  return [...fromHeaders, ...fromQuery];
}

/** Returns a masked copy (never mutates): apply before anything is written. `secrets` are other values to blank (the run's own key). */
export function maskEntry(entry: HarEntry, secrets: readonly string[] = []): HarEntry {
  const redact = createRedactor([...keysOf(entry), ...secrets]);
  const text = (t: string) => redact(maskSerialsInText(t));
  const { request, response } = entry;
  return redactStrings<HarEntry>({
    ...entry,
    request: {
      ...request,
      url: maskUrl(request.url),
      headers: maskHeaders(request.headers),
      queryString: request.queryString.map((q) => (KEY_PARAM.test(q.name) ? { name: q.name, value: redactedKey(q.value) } : q)),
      cookies: [],
      ...(request.postData ? { postData: { ...request.postData, text: text(request.postData.text) } } : {}),
    },
    response: {
      ...response,
      headers: maskHeaders(response.headers).map((h) => ({ name: h.name, value: redact(h.value) })),
      cookies: [],
      content: { ...response.content, text: text(response.content.text) },
    },
  }, redact);
}
