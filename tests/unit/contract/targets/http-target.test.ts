// httpTarget: normalised exchanges, rate limits waited out only where a repeat is safe, unreachable as a value.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../../../src/process/prism-cli.ts';
import { serveFetch, type Served } from '../../../support/serve-fetch.ts';
import { httpTarget } from '../../../../src/contract/targets/http-target.ts';

describe('httpTarget', () => {
  let served: Served;
  let calls: string[] = [];
  beforeAll(async () => {
    // Answers 429 (Retry-After: 0) to the first two calls of each path, then 200.
    served = await serveFetch(async (request) => {
      const path = new URL(request.url).pathname + new URL(request.url).search;
      calls.push(path);
      const limited = calls.filter((c) => c === path).length <= 2;
      const body = limited ? { status: false, error: { code: 'TOO_MANY_REQUESTS', message: 'slow' } } : { status: true, data: {} };
      return new Response(JSON.stringify(body), { status: limited ? 429 : 200, headers: { 'content-type': 'application/json', 'retry-after': '0' } });
    });
  });
  afterAll(() => served.close());
  const target = () => httpTarget({ name: 'base-url', baseUrl: served.url, apiKey: 'k' });

  test('a 429 is waited out (Retry-After) and the final answer returned, normalised', async () => {
    calls = [];
    const result = await target().send({ method: 'GET', url: `${served.url}/api/customer/balance`, headers: {} });
    expect(result.ok && [result.value.response.status, result.value.response.json]).toEqual([200, { status: true, data: {} }]);
    expect(calls).toEqual(['/api/customer/balance', '/api/customer/balance', '/api/customer/balance']);
  });

  test('pullCodes without a referenceId is never repeated', async () => {
    calls = [];
    const result = await target().send({ method: 'POST', url: `${served.url}/api/order/pull-codes`, headers: {}, body: '[]' });
    expect(result.ok && result.value.response.status).toBe(429);
    expect(calls).toHaveLength(1);
  });

  test('a 429 asked for with Prefer is the answer, not a rate limit', async () => {
    calls = [];
    const result = await target().send({ method: 'GET', url: `${served.url}/api/order/detail?orderName=A`, headers: { prefer: 'code=429' } });
    expect(result.ok && result.value.response.status).toBe(429);
    expect(calls).toHaveLength(1);
  });

  test('an unreachable target is a TARGET_UNREACHABLE value naming the request and what to do', async () => {
    const port = await freePort();
    const result = await httpTarget({ name: 'base-url', baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k' }).send({ method: 'GET', url: `http://127.0.0.1:${port}/api/customer/balance`, headers: {} });
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'TARGET_UNREACHABLE',
      message: `Request failed (ECONNREFUSED): GET http://127.0.0.1:${port}/api/customer/balance`,
      // Loopback: the hint is about the local server, never "network, VPN, proxy".
      hint: `Nothing usable answers at http://127.0.0.1:${port} on this machine: start the server there (the twin: npm run mock), or check the port.`,
    });
  });
});
