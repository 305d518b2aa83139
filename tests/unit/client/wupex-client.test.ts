// The typed client: configuration rules, headers on every call, errors as values, and the retry rules end to end.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createWupexClient, type WupexClientOptions } from '../../../src/client/wupex-client.ts';
import { freePort } from '../../../src/process/prism-cli.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import { kit } from '../../support/decided.ts';

const KEY = 'client-test-key-7c1e93b2'; // scan-secrets: allow (a deliberate fake key)
const noSleep = async () => {};

/** A fetch that records what was sent and answers from a list (last answer repeats). */
function recorder(answers: Array<() => Response>) {
  const sent: Request[] = [];
  const fetch = async (request: Request) => {
    sent.push(request.clone());
    return answers[Math.min(sent.length - 1, answers.length - 1)]();
  };
  return { fetch, sent };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const balanceBody = { status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } };

function client(options: WupexClientOptions) {
  const built = createWupexClient({ env: {}, sleep: noSleep, ...options });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

describe('createWupexClient configuration', () => {
  test('with nothing set it talks to the twin with its first demo key', () => {
    const c = client({});
    expect(c.baseUrl).toBe('http://127.0.0.1:4010');
    expect(c.keySource).toBe('twin-demo-key');
    expect(c.keyFingerprint).toBe(fingerprint(DEMO_ACCOUNTS[0].key));
  });

  test('reads WUPEX_API_KEY and WUPEX_BASE_URL from the environment it is given', () => {
    const c = client({ env: { WUPEX_API_KEY: KEY, WUPEX_BASE_URL: 'https://sandbox-service.wupex.com/' } });
    expect(c.baseUrl).toBe('https://sandbox-service.wupex.com');
    expect(c.keySource).toBe('WUPEX_API_KEY');
    expect(c.keyFingerprint).toBe(fingerprint(KEY));
  });

  test('refuses plain http to a host that is not loopback, naming the host and the fix', () => {
    const built = createWupexClient({ env: { WUPEX_API_KEY: KEY, WUPEX_BASE_URL: 'http://sandbox-service.wupex.com' } });
    expect(built).toMatchObject({ ok: false, error: { code: 'INSECURE_BASE_URL', message: 'WUPEX_BASE_URL is plain http:// to sandbox-service.wupex.com: the API key would travel in clear.' } });
    expect(JSON.stringify(built)).not.toContain(KEY);
  });

  test('allows plain http to loopback hosts', () => {
    for (const baseUrl of ['http://localhost:4010', 'http://127.0.0.2:9', 'http://[::1]:4010']) {
      expect(createWupexClient({ baseUrl, env: {} }).ok).toBe(true);
    }
  });

  test('a remote base URL without a key is a configuration error, not a silent demo key', () => {
    const built = createWupexClient({ env: { WUPEX_BASE_URL: 'https://sandbox-service.wupex.com' } });
    expect(built).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID', message: 'No API key for https://sandbox-service.wupex.com: WUPEX_API_KEY is not set.' } });
  });

  test('a malformed base URL is a configuration error', () => {
    expect(createWupexClient({ env: { WUPEX_BASE_URL: 'sandbox-service.wupex.com' } })).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
  });
});

describe('requests', () => {
  test('every operation sends x-api-key and Accept-Language: en-US', async () => {
    const r = recorder([json(200, balanceBody)]);
    const c = client({ apiKey: KEY, baseUrl: 'https://sandbox-service.wupex.com', fetch: r.fetch });
    await c.getBalance();
    await c.listProducts();
    await c.listOrders({ page: 1 });
    await c.getOrderDetail('A00000000000123');
    await c.pullCodes([{ merchant: 'M', sku: 'S', quantity: 1 }], { referenceId: 'ref-1', allowTakeAll: true });
    expect(r.sent).toHaveLength(5);
    for (const request of r.sent) {
      expect(request.headers.get('x-api-key')).toBe(KEY);
      expect(request.headers.get('accept-language')).toBe('en-US');
      expect(request.url).not.toContain(KEY);
    }
    expect(r.sent.map((s) => `${s.method} ${new URL(s.url).pathname}${new URL(s.url).search}`)).toEqual([
      'GET /api/customer/balance',
      'POST /api/product/merchant/invited/list',
      'POST /api/order/list',
      'GET /api/order/detail?orderName=A00000000000123',
      'POST /api/order/pull-codes?referenceId=ref-1&allowTakeAll=true',
    ]);
  });

  test('a pullCodes without referenceId that meets a 503 is not retried and says why', async () => {
    const r = recorder([json(503, { status: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } }, { 'retry-after': '1' }), json(200, {})]);
    const c = client({ apiKey: KEY, baseUrl: 'http://127.0.0.1:4010', fetch: r.fetch });
    const result = await c.pullCodes([{ merchant: 'DEMO-MERCHANT-A', sku: 'GOOGLE-USA-10USD', quantity: 1 }]);
    expect(r.sent).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', status: 503, vendor: { code: 'SERVICE_UNAVAILABLE', message: 'down' } } });
    expect(!result.ok && result.error.hint).toContain('Not retried: a pullCodes without referenceId');
  });

  test('a body that is not the envelope comes back as UNEXPECTED_RESPONSE', async () => {
    const r = recorder([() => new Response('<html>blocked</html>', { status: 403, headers: { 'content-type': 'text/html' } })]);
    const result = await client({ apiKey: KEY, fetch: r.fetch }).getBalance();
    expect(result).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_RESPONSE', status: 403, message: 'GET http://127.0.0.1:4010/api/customer/balance answered 403 without the WUPEX error envelope: <html>blocked</html>' } });
  });

  test('a closed port comes back as TARGET_UNREACHABLE, not a throw', async () => {
    const port = await freePort();
    const result = await client({ baseUrl: `http://127.0.0.1:${port}`, retry: false }).getBalance();
    expect(result).toMatchObject({ ok: false, error: { code: 'TARGET_UNREACHABLE' } });
    expect(!result.ok && result.error.message).toBe(`Request failed (ECONNREFUSED): GET http://127.0.0.1:${port}/api/customer/balance`);
  });
});

describe('against the in-process twin', () => {
  let twin: MockServer;
  beforeAll(async () => {
    twin = await createMockServer({ seed: 7 });
  });
  afterAll(() => twin.close());

  const onTwin = () => client({ fetch: (request) => twin.fetch(request) });

  test('reads the balance as typed data', async () => {
    const result = await onTwin().getBalance();
    expect(result).toEqual({ ok: true, value: { status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } } });
  });

  test('an unknown order is a NOT_FOUND value carrying the vendor envelope', async () => {
    const result = await onTwin().getOrderDetail('A99999999999999');
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', status: 404, vendor: { code: 'NOT_FOUND' } } });
  });

  test('an out-of-stock order is the decided refusal (409 INSUFFICIENT_STOCK today) as a value, sent once', async () => {
    const sent: string[] = [];
    const c = client({ fetch: (request) => (sent.push(request.url), twin.fetch(request)) });
    const result = await c.pullCodes([{ merchant: 'DEMO-MERCHANT-A', sku: 'AMAZON-USA-100USD', quantity: 1 }], { referenceId: 'stockless-1' });
    const { status, code } = kit.pullCodes.outOfStock;
    expect(result).toMatchObject({ ok: false, error: { code, status, vendor: { code } } });
    expect(sent).toHaveLength(1);
  });
});
