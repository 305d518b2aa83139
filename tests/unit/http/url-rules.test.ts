// The URL rules of the outbound path: one normalised host for the production guard, loopback-only plain http, no credentials.
import { describe, expect, test } from 'vitest';
import { environmentOf } from '../../../src/http/base-url.ts';
import { checkOutboundUrl, isProductionUrl, normaliseHost, PRODUCTION_HOSTNAME } from '../../../src/http/url-rules.ts';
import { loadSpec } from '../../../src/spec/spec.ts';

describe('normaliseHost', () => {
  test.each([
    ['SERVICE.WUPEX.COM', 'service.wupex.com'],
    ['service.wupex.com.', 'service.wupex.com'],
    ['service.wupex.com%2E', 'service.wupex.com'],
    ['service%2ewupex.com', 'service.wupex.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['[::1]', '::1'],
  ])('%s → %s', (input, want) => {
    expect(normaliseHost(input)).toBe(want);
  });
});

describe('the production guard', () => {
  test('reads the production host from the spec', () => {
    expect(PRODUCTION_HOSTNAME).toBe(new URL(loadSpec().servers?.find((s) => (s as { 'x-environment'?: string })['x-environment'] === 'production')?.url ?? '').hostname);
  });

  test.each(['https://service.wupex.com', 'https://service.wupex.com.', 'https://service.wupex.com%2E', 'https://SERVICE.wupex.COM', 'https://service。wupex。com', 'https://service.wupex.com:8443/x'])(
    '%s is production',
    (url) => {
      expect(isProductionUrl(new URL(url))).toBe(true);
      expect(environmentOf(new URL(url), loadSpec())).toBe('production');
    },
  );

  test.each(['https://sandbox-service.wupex.com', 'https://service.wupex.com.evil.example', 'https://xservice.wupex.com'])('%s is not', (url) => {
    expect(isProductionUrl(new URL(url))).toBe(false);
  });

  test('refused unless allowed, with what to do', () => {
    expect(checkOutboundUrl('https://service.wupex.com./x')).toMatchObject({ ok: false, error: { code: 'PRODUCTION_REFUSED' } });
    expect(checkOutboundUrl('https://service.wupex.com./x', { allowProduction: true }).ok).toBe(true);
  });
});

describe('checkOutboundUrl', () => {
  test.each([
    ['http://127.0.0.2:9/x', true],
    ['http://localhost.:9/x', true],
    ['http://[::1]:9/x', true],
    ['https://sandbox-service.wupex.com/x', true],
    ['http://sandbox-service.wupex.com/x', false],
    ['http://127.0.0.1.nip.io/x', false],
    ['https://user:pass@127.0.0.1/x', false],
    ['https://:pass@127.0.0.1/x', false],
    ['file:///etc/passwd', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(checkOutboundUrl(url).ok).toBe(allowed);
  });

  test('a refused URL with credentials is named without them', () => {
    const result = checkOutboundUrl('https://user:hunter2@127.0.0.1/x', { source: '--base-url' });
    expect(result.ok ? undefined : result.error.message).toBe('--base-url must not carry credentials (user:password@): https://127.0.0.1/x.');
  });
});
