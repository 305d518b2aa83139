// npm run proxy flags and --upstream resolution: the key is never a flag; plain http only to loopback; never production.
import { describe, expect, test } from 'vitest';
import { parseMockCliOptions } from '../../../mocks/cli-options.ts';
import { parseProxyArgs } from '../../../src/proxy/args.ts';
import { resolveUpstream } from '../../../src/proxy/upstream.ts';
import { loadSpec } from '../../../src/spec/spec.ts';
import { serverUrlOf, TWIN_URL } from '../../../src/http/base-url.ts';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';

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

  test('mock is the twin in-process, on its own thread: an answer as node:http would carry it; after close a request fails at once', async () => {
    const mock = await resolveUpstream('mock', doc, { seed: 7 });
    if (!mock.ok) throw new Error(mock.error.message);
    expect(mock.value.url).toBe(TWIN_URL);
    const headers = { 'x-api-key': DEMO_ACCOUNTS[0].key, 'accept-language': 'en-US' };
    const sent = await mock.value.send({ method: 'GET', path: '/api/customer/balance', query: {}, headers, bodyText: undefined }, '/api/customer/balance');
    const refused = await mock.value.send({ method: 'GET', path: '/api/customer/balance', query: {}, headers: { 'accept-language': 'en-US' }, bodyText: undefined }, '/api/customer/balance');
    await mock.value.close();
    const afterClose = await mock.value.send({ method: 'GET', path: '/api/customer/balance', query: {}, headers, bodyText: undefined }, '/api/customer/balance');
    expect(afterClose.ok ? '' : afterClose.error.code).toBe('TARGET_UNREACHABLE');
    if (!sent.ok || !refused.ok) throw new Error('the in-process twin never fails to answer');
    expect(sent.value.status).toBe(200);
    expect(sent.value.headers).toMatchObject({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(sent.value.text)) });
    expect(JSON.parse(sent.value.text)).toEqual({ status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } });
    expect(refused.value.status).toBe(401);
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
