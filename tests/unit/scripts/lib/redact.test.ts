// The redactor every output line passes through: known keys, their URL-encoded form, and key-shaped headers and query parameters.
import { describe, expect, test } from 'vitest';
import { createRedactor, fingerprint, REDACTED } from '../../../../scripts/lib/redact.ts';

const KEY = 'Kx9-distinctive/key+value=42'; // scan-secrets: allow (a deliberate fake key)

describe('createRedactor', () => {
  const redact = createRedactor([KEY, undefined, 'abc']);

  test.each([
    ['a known key anywhere', `got ${KEY} back`, `got ${REDACTED} back`],
    ['its URL-encoded form', `GET /x?k=${encodeURIComponent(KEY)}`, `GET /x?k=${REDACTED}`],
    ['an unknown x-api-key header value', 'x-api-key: some-other-key-123', `x-api-key: ${REDACTED}`], // scan-secrets: allow
    ['an unknown key in JSON', '{"x-api-key":"other-key-456"}', `{"x-api-key":"${REDACTED}"}`],
    ['an api-key query parameter', 'https://h/p?apiKey=zzz&x=1', `https://h/p?apiKey=${REDACTED}&x=1`],
    ['an x-api-key query parameter', 'https://h/p?a=1&x-api-key=zzz', `https://h/p?a=1&x-api-key=${REDACTED}`],
  ])('hides %s', (_name, input, want) => {
    expect(redact(input)).toBe(want);
  });

  test('leaves shell references and short values alone', () => {
    expect(redact("curl -H 'x-api-key: $WUPEX_API_KEY' https://h")).toBe("curl -H 'x-api-key: $WUPEX_API_KEY' https://h");
    expect(redact('abc is too short to be treated as a secret')).toBe('abc is too short to be treated as a secret');
  });
});

describe('fingerprint', () => {
  test('is short, stable, and does not contain the key', () => {
    expect(fingerprint(KEY)).toMatch(/^key#[0-9a-f]{6}$/);
    expect(fingerprint(KEY)).toBe(fingerprint(KEY));
    expect(fingerprint(KEY)).not.toBe(fingerprint(`${KEY}x`));
    expect(fingerprint(undefined)).toBe('no-key');
  });
});
