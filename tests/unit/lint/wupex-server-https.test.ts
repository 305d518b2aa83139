// wupex-server-https: servers are https; plain http only on loopback.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { lint, loadSingleRule, minimalSpec, where } from './support/lint-rule.ts';

const RULE = 'wupex-server-https';
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadSingleRule(RULE);
});

const withServer = (url: string) => {
  const spec = minimalSpec();
  spec.servers.push({ url, 'x-environment': 'local' });
  return spec;
};

describe(RULE, () => {
  test('valid: https servers and the http loopback twin', async () => {
    expect(await lint(ruleset, minimalSpec())).toEqual([]);
  });

  test.each(['http://localhost:4010', 'http://[::1]:4010', 'https://service.wupex.com'])('valid: %s', async (url) => {
    expect(await lint(ruleset, withServer(url))).toEqual([]);
  });

  test('invalid: plain http to a remote host', async () => {
    const hits = await lint(ruleset, withServer('http://sandbox-service.wupex.com'));
    expect(where(hits)).toEqual([{ code: RULE, path: 'servers.2.url' }]);
    expect(hits[0].message).toBe(
      'Server url "http://sandbox-service.wupex.com" must use https (plain http is allowed only on loopback: 127.0.0.1, localhost, [::1]).',
    );
  });

  test('invalid: a host that only starts like loopback', async () => {
    expect(where(await lint(ruleset, withServer('http://127.0.0.1.example.com')))).toEqual([{ code: RULE, path: 'servers.2.url' }]);
  });

  test('invalid: a relative server url', async () => {
    expect(where(await lint(ruleset, withServer('/api')))).toEqual([{ code: RULE, path: 'servers.2.url' }]);
  });

  test('invalid: an operation-level http server', async () => {
    const spec = minimalSpec();
    spec.paths['/api/customer/balance'].get.servers = [{ url: 'http://example.com', 'x-environment': 'sandbox' }];
    expect(where(await lint(ruleset, spec))).toEqual([{ code: RULE, path: 'paths./api/customer/balance.get.servers.0.url' }]);
  });
});
