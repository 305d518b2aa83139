// npm run proxy flags and --upstream resolution: the key is never a flag; plain http only to loopback; never production.
import { describe, expect, test } from 'vitest';
import { parseMockCliOptions } from '../../../../mocks/cli-options.ts';
import { parseProxyArgs } from '../../../../scripts/lib/proxy/args.ts';
import { resolveUpstream } from '../../../../scripts/lib/proxy/upstream.ts';
import { loadSpec } from '../../../../scripts/lib/spec.ts';
import { serverUrlOf } from '../../../../scripts/client/base-url.ts';

const doc = loadSpec();

describe('parseProxyArgs', () => {
  test('defaults: port 4020 on 127.0.0.1, no recording, not enforcing', () => {
    expect(parseProxyArgs(['--upstream', 'mock'])).toEqual({ ok: true, value: { upstream: 'mock', port: 4020, host: '127.0.0.1', record: undefined, recordFlushMs: 1000, enforce: false, seed: 1, help: false } });
  });

  test('--upstream is required, a key flag is refused without echoing it, a bad port lists the range', () => {
    expect(parseProxyArgs([]).ok ? '' : (parseProxyArgs([]) as { error: { message: string } }).error.message).toBe('--upstream is required.');
    const keyed = parseProxyArgs(['--upstream', 'mock', '--api-key', 'some-secret-value']);
    expect(keyed.ok ? '' : keyed.error.message + keyed.error.hint).not.toContain('some-secret-value');
    const port = parseProxyArgs(['--upstream', 'mock', '--port', '70000']);
    expect(port.ok ? '' : port.error.message).toBe("--port must be an integer from 0 to 65535; received '70000'.");
  });
});

describe('resolveUpstream', () => {
  test('sandbox is the spec\'s sandbox server; a loopback http URL and an https URL are taken as given', async () => {
    const sandbox = await resolveUpstream('sandbox', doc);
    expect(sandbox.ok && sandbox.value.url).toBe(serverUrlOf('sandbox', doc));
    const local = await resolveUpstream('http://127.0.0.1:4999/', doc);
    expect(local.ok && local.value.url).toBe('http://127.0.0.1:4999');
  });

  test.each([
    ['http://example.com', 'plain http'],
    [serverUrlOf('production', doc) ?? 'https://production.invalid', 'production'],
    ['ftp://127.0.0.1', 'http:// or https://'],
  ])('%s is refused (%s)', async (raw, why) => {
    const resolved = await resolveUpstream(raw, doc);
    expect(resolved.ok).toBe(false);
    expect(resolved.ok ? '' : resolved.error.message).toContain(why);
  });
});

test('npm run mock -- --catalogue PATH.har (or WUPEX_MOCK_CATALOGUE) is read as an option', () => {
  const flag = parseMockCliOptions(['--catalogue', 'tests/recordings/twin-reference.har'], {});
  expect(flag.ok && flag.value.catalogue).toBe('tests/recordings/twin-reference.har');
  const env = parseMockCliOptions([], { WUPEX_MOCK_CATALOGUE: 'x.har' });
  expect(env.ok && env.value.catalogue).toBe('x.har');
});
