// The redactor every output line passes through: known keys, their URL-encoded form, and key-shaped headers and query parameters.
import { describe, expect, test } from 'vitest';
import { violationLine } from '../../../src/proxy/violations.ts';
import { createRedactor, createSanitiser, fingerprint, REDACTED, stripControl } from '../../../src/secrets/redact.ts';

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

  test('leaves a location named header.x-api-key alone: the proxy line for a missing key reads as written', () => {
    const line = violationLine({ checkId: 'request.security', operation: 'GET /api/customer/balance', where: 'header.x-api-key', expected: 'the x-api-key header (every operation requires it)', received: '(absent)' });
    expect(line).toBe('violation request.security GET /api/customer/balance header.x-api-key: expected the x-api-key header (every operation requires it), received (absent)');
    expect(redact(line)).toBe(line);
    expect(redact('header.x-api-key: expected x, got x-api-key: leaked-value-789')).toBe(`header.x-api-key: expected x, got x-api-key: ${REDACTED}`); // scan-secrets: allow
  });

  test('leaves shell references and short values alone', () => {
    expect(redact("curl -H 'x-api-key: $WUPEX_API_KEY' https://h")).toBe("curl -H 'x-api-key: $WUPEX_API_KEY' https://h");
    expect(redact('abc is too short to be treated as a secret')).toBe('abc is too short to be treated as a secret');
  });
});

describe('runs of the key', () => {
  const redact = createRedactor([KEY]);
  test.each([
    ['its first 8 characters, cut after them', `${'x'.repeat(10)}${KEY.slice(0, 8)}`, `${'x'.repeat(10)}${REDACTED}`],
    ['its last 9 characters, after a cut before them', `…${KEY.slice(-9)} tail`, `…${REDACTED} tail`],
    ['a middle run of 12', `a${KEY.slice(5, 17)}b`, `a${REDACTED}b`],
  ])('hides %s', (_name, input, want) => {
    expect(redact(input)).toBe(want);
  });

  test('leaves runs of 7 or fewer alone (too short to identify the key)', () => {
    expect(redact(`a${KEY.slice(3, 10)}b`)).toBe(`a${KEY.slice(3, 10)}b`);
  });
});

describe('createSanitiser', () => {
  const clean = createSanitiser([KEY]);

  test('redacts before it cuts: a key straddling the cut leaves no 8 characters behind', () => {
    const body = `${'x'.repeat(110)}${KEY} and more`;
    expect(clean(body, { max: 120 })).toBe(`${'x'.repeat(110)}${REDACTED}…`);
  });

  test('strips terminal control characters but keeps newline and tab', () => {
    expect(clean('a\u001b[2Jb\u001b]0;title\u0007c\rd\te\nf\u007fg\u009bh')).toBe('a[2Jb]0;titlecd\te\nfgh');
  });

  test('stripControl alone removes C0 (except \\n, \\t), DEL and C1', () => {
    expect(stripControl('\u0000\u0008\u000b\u001f\u007f\u0080\u009f|\n|\t|')).toBe('|\n|\t|');
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
