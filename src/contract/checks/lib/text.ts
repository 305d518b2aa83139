// Small text helpers for check messages: short body snippets and type names.
import { createSanitiser } from '../../../secrets/redact.ts';

/**
 * The first 120 characters of a body, on one line, for messages. Secrets given (the request's key) are redacted
 * BEFORE the cut, so a key straddling character 120 cannot survive in part; control characters are stripped.
 */
export function snippet(text: string, secrets: ReadonlyArray<string | undefined> = [], max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return createSanitiser(secrets)(flat, { max });
}

/** The key a request carried (header or query), so a snippet of its answer can hide an echo of it. */
export function keysOf(request: { url: string; headers: Record<string, string> }): string[] {
  const inQuery = URL.canParse(request.url) ? new URL(request.url).searchParams.get('x-api-key') : null;
  return [request.headers['x-api-key'], inQuery ?? undefined].filter((k): k is string => typeof k === 'string' && k !== '');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The main media type of a Content-Type header ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0].trim().toLowerCase() || undefined;
}
