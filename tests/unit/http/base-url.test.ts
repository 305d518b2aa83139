// Base URL rules: loopback detection, refusal of clear-text keys, and the environment a URL belongs to (from the spec).
import { describe, expect, test } from 'vitest';
import { environmentOf, isLoopbackHost, parseBaseUrl, serverUrlOf } from '../../../src/http/base-url.ts';
import { loadSpec } from '../../../src/spec/spec.ts';

const doc = loadSpec();

describe('isLoopbackHost', () => {
  test.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '[::1]', '::1'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  test.each(['10.0.0.1', '192.168.1.1', '127.0.0.1.example.com', 'sandbox-service.wupex.com', '0.0.0.0'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('parseBaseUrl', () => {
  test('strips a trailing slash and keeps a path prefix', () => {
    const parsed = parseBaseUrl('https://gateway.example.com/wupex/');
    expect(parsed.ok && parsed.value.pathname).toBe('/wupex');
  });
  test.each([
    ['http://service.wupex.com', 'INSECURE_BASE_URL'],
    ['ftp://127.0.0.1', 'CONFIG_INVALID'],
    ['https://user:pw@service.wupex.com', 'CONFIG_INVALID'],
    ['not a url', 'CONFIG_INVALID'],
  ])('%s is refused with %s', (text, code) => {
    expect(parseBaseUrl(text)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('environmentOf', () => {
  const env = (text: string) => {
    const parsed = parseBaseUrl(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return environmentOf(parsed.value, doc);
  };
  test('knows the spec servers and loopback', () => {
    expect(env('https://sandbox-service.wupex.com')).toBe('sandbox');
    expect(env('https://service.wupex.com/')).toBe('production');
    expect(env('http://127.0.0.1:4010')).toBe('local');
    expect(env('https://gateway.example.com')).toBe('unknown');
  });
  test('reads server URLs from the spec', () => {
    expect(serverUrlOf('sandbox', doc)).toBe('https://sandbox-service.wupex.com');
    expect(serverUrlOf('production', doc)).toBe('https://service.wupex.com');
  });
});
