// sendOutbound against hostile local servers: nothing followed, nothing hangs, nothing floods memory.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OUTBOUND_DEFAULTS, sendOutbound } from '../../../src/http/outbound.ts';
import { freePort } from '../../../src/process/prism-cli.ts';
import { distinctiveKey, keyRunsIn, startHostile, startSecondOrigin, watchRss, type Attack, type Listening, type SecondOrigin } from '../../support/hostile-servers.ts';

const KEY = distinctiveKey();
/** Short limits keep the suite fast; the defaults are pinned separately. */
const LIMITS = { headersTimeoutMs: 800, deadlineMs: 1200, maxResponseBytes: 1024 * 1024 };
const MB = 1024 * 1024;

describe('sendOutbound against hostile servers', () => {
  let second: SecondOrigin;
  let hostile: Listening;
  beforeAll(async () => {
    second = await startSecondOrigin();
    const attacks: Record<string, Attack> = {
      '/redirect-origin': 'redirect-origin', '/redirect-insecure': 'redirect-insecure', '/stall': 'stall', '/trickle': 'trickle',
      '/big-body': 'big-body', '/endless': 'endless', '/gzip-bomb': 'gzip-bomb', '/echo-key': 'echo-key',
    };
    hostile = await startHostile({ attacks, second });
  });
  afterAll(async () => {
    await hostile.close();
    await second.close();
  });
  const send = (path: string) => sendOutbound({ method: 'GET', url: `${hostile.url}${path}`, headers: { 'x-api-key': KEY } }, LIMITS);

  test('the defaults are the documented ones: 10 s headers, 30 s deadline, 8 MiB', () => {
    expect(OUTBOUND_DEFAULTS).toEqual({ headersTimeoutMs: 10_000, deadlineMs: 30_000, maxResponseBytes: 8 * MB });
  });

  test.each(['/redirect-origin', '/redirect-insecure'])('a redirect (%s) comes back as the 3xx it is and is never followed', async (path) => {
    const result = await send(path);
    expect(result.ok && [result.value.status, result.value.headers.location?.split('/')[2]]).toEqual(
      path === '/redirect-origin' ? [307, second.url.split('/')[2]] : [302, 'wupex-probe.invalid'],
    );
    expect(second.received).toEqual([]);
  });

  test('a stall after the headers, a 1 byte/s trickle and a silent server all end as TARGET_TIMEOUT naming URL and limit', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const [stall, trickle, quiet] = await Promise.all([
      send('/stall'),
      send('/trickle'),
      sendOutbound({ method: 'GET', url: `http://127.0.0.1:${port}/x`, headers: {} }, LIMITS),
    ]);
    silent.close();
    expect(Date.now() - started).toBeLessThan(LIMITS.deadlineMs + 5000);
    expect([stall, trickle, quiet].map((r) => (r.ok ? r.value.status : r.error))).toEqual([
      expect.objectContaining({ code: 'TARGET_TIMEOUT', message: `No complete answer within the 1200 ms deadline: GET ${hostile.url}/stall.` }),
      expect.objectContaining({ code: 'TARGET_TIMEOUT', message: `No complete answer within the 1200 ms deadline: GET ${hostile.url}/trickle.` }),
      expect.objectContaining({ code: 'TARGET_TIMEOUT', message: `No response headers within 800 ms: GET http://127.0.0.1:${port}/x.` }),
    ]);
  });

  test.each(['/big-body', '/endless', '/gzip-bomb'])('%s stops at the cap: RESPONSE_TOO_LARGE naming the URL and the cap, memory bounded', async (path) => {
    const rss = watchRss();
    const result = await send(path);
    const growth = rss.stop();
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      message: `The answer to GET ${hostile.url}${path} exceeded the ${MB}-byte cap (decoded); reading stopped there.`,
    });
    expect(growth).toBeLessThan(300 * MB);
  });

  test('the response text is raw (checks must see an echoed key), but error text never carries the key', async () => {
    const echoed = await send('/echo-key');
    expect(echoed.ok && echoed.value.text).toContain(KEY);
    const refused = await sendOutbound({ method: 'GET', url: `http://example.invalid/?x-api-key=${KEY}`, headers: { 'x-api-key': KEY } });
    expect(refused.ok ? undefined : refused.error.code).toBe('INSECURE_BASE_URL');
    const port = await freePort();
    const unreachable = await sendOutbound({ method: 'GET', url: `http://127.0.0.1:${port}/?k=${KEY}`, headers: { 'x-api-key': KEY } });
    expect(unreachable.ok ? undefined : keyRunsIn(`${unreachable.error.message} ${unreachable.error.hint}`, KEY)).toEqual([]);
  });

  test('refused or reset on loopback: TARGET_UNREACHABLE whose hint is about the local server, not the network', async () => {
    const port = await freePort();
    const refused = await sendOutbound({ method: 'GET', url: `http://127.0.0.1:${port}/x`, headers: {} });
    expect(refused.ok ? undefined : refused.error).toMatchObject({ code: 'TARGET_UNREACHABLE', message: `Request failed (ECONNREFUSED): GET http://127.0.0.1:${port}/x` });
    const { createServer } = await import('node:http');
    const resetting = createServer((req, res) => {
      res.writeHead(200).write('partial');
      setTimeout(() => req.socket.destroy(), 20);
    });
    await new Promise<void>((done) => resetting.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(resetting.address() as { port: number }).port}/x`;
    const reset = await sendOutbound({ method: 'GET', url, headers: {} }, LIMITS);
    resetting.close();
    expect(reset.ok ? undefined : reset.error).toMatchObject({ code: 'TARGET_UNREACHABLE', message: `Request failed (ECONNRESET): GET ${url}` });
    for (const result of [refused, reset]) expect(result.ok ? '' : result.error.hint).not.toMatch(/network|VPN|proxy/);
  });
});

test('a header value HTTP cannot carry is a REQUEST_INVALID value, not a throw', async () => {
  const result = await sendOutbound({ method: 'GET', url: 'http://127.0.0.1:9/x', headers: { 'x-test': 'a\r\nb' } });
  expect(result.ok ? undefined : result.error.code).toBe('REQUEST_INVALID');
});

describe('URL rules on every request (nothing is sent when they refuse)', () => {
  test.each([
    ['https://service.wupex.com./api/customer/balance', 'PRODUCTION_REFUSED'],
    ['https://service.wupex.com%2E/api/customer/balance', 'PRODUCTION_REFUSED'],
    ['https://SERVICE.WUPEX.COM/api/customer/balance', 'PRODUCTION_REFUSED'],
    ['https://service.wupex.com:8443/api/customer/balance', 'PRODUCTION_REFUSED'],
    ['https://user:pass@127.0.0.1:9/x', 'URL_REFUSED'],
    ['http://wupex-probe.invalid/x', 'INSECURE_BASE_URL'],
    ['ftp://127.0.0.1/x', 'URL_REFUSED'],
  ])('%s is %s', async (url, code) => {
    const result = await sendOutbound({ method: 'GET', url, headers: {} });
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });
});
