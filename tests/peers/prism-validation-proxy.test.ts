// Judged from outside: the twin (listening on a port, as users run it), a broken copy of it, and `npm run proxy -- --upstream mock`
// (the twin on its own thread), each behind the plain Prism CLI's validation proxy (one Prism process for all three). Prism must
// find nothing wrong in any answer of the twin or the kit's proxy, and the two must agree on which requests are off-spec.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../mocks/server.ts';
import { startPrismCli, type PrismCli } from '../../src/process/prism-cli.ts';
import { buildRequest } from '../../src/contract/checks/context.ts';
import { createSpecIndex } from '../../src/contract/checks/lib/spec-index.ts';
import { exampleRequests, generatedRequests, preferRequests, rejectionRequests, type PeerMixOptions, type PeerRequest } from '../support/peer-requests.ts';
import { judgeThroughPrism, prismViolations } from '../support/prism-proxy-judge.ts';
import { createProxy, type Proxy } from '../../src/proxy/proxy-server.ts';
import { VIOLATIONS_HEADER } from '../../src/proxy/proxy-handle.ts';
import { editJson, rewriteFetch } from '../support/rewrite-fetch.ts';
import { serveFetch, type Served } from '../support/serve-fetch.ts';
import { SWITCH_HEADER, switchUpstream } from '../support/switch-upstream.ts';
import { httpTarget } from '../../src/contract/targets/http-target.ts';
import type { Exchange, Target } from '../../src/contract/targets/target.ts';

const spec = createSpecIndex();
const [account] = DEMO_ACCOUNTS;
const BALANCE = '/api/customer/balance';
const PRODUCTS = '/api/product/merchant/invited/list';
/** Seeded and bounded: ~120 requests in all through one Prism process. */
const MIX: PeerMixOptions = { operations: spec.operations, merchantCode: account.merchantCode, seed: 13, generated: 50 };

let twin: MockServer;
let prism: PrismCli;
let viaPrism: Target;
let kitProxy: Proxy;
const servers: Served[] = [];

/**
 * `prism proxy` without `--errors`: with it, Prism answers every invalid request itself (401/422 problem+json) and the
 * twin's rejections would never be judged. Without it every request reaches the twin and Prism lists what it finds in
 * `sl-violations`, each entry located under "request" (what we sent) or "response" (what the twin answered).
 */
async function startPrismProxy(upstream: string): Promise<PrismCli> {
  const started = await startPrismCli({ upstream });
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
  return started.value;
}

async function send(target: Target, peer: PeerRequest): Promise<Exchange> {
  const sent = await target.send(buildRequest(target, peer.spec));
  if (!sent.ok) throw new Error(`${peer.name}: ${sent.error.code} ${sent.error.message}`);
  return sent.value;
}

/** Every problem, as `name (HTTP status): problem`, so one run shows them all. */
async function problemsOf(target: Target, peers: PeerRequest[]): Promise<string[]> {
  const problems: string[] = [];
  for (const peer of peers) {
    const exchange = await send(target, peer);
    for (const problem of judgeThroughPrism(peer, exchange)) problems.push(`${peer.name} (HTTP ${exchange.response.status}): ${problem}`);
  }
  return problems;
}

beforeAll(async () => {
  twin = await createMockServer();
  const { url } = await twin.listen(0, '127.0.0.1');
  // The same twin with three deliberate faults: getBalance's balance as a string, listProducts without pageInfo, and a
  // search on an unknown column accepted (its filter dropped): a request no decision lets a server accept.
  const broken = await serveFetch(
    rewriteFetch((request) => twin.fetch(request), {
      request: (req) => (req.body?.includes('"colour"') ? { ...req, body: '{}' } : req),
      response: (res, req) => {
        if (res.status !== 200) return res;
        if (req.url.pathname === BALANCE) return { ...res, body: editJson(res.body, (j) => ({ ...j, data: { ...(j.data as object), balance: '5000.00' } })) };
        if (req.url.pathname === PRODUCTS) return { ...res, body: editJson(res.body, (j) => ({ ...j, pageInfo: undefined })) };
        return res;
      },
    }),
  );
  const built = await createProxy({ upstream: 'mock', log: () => undefined, twin: { seed: 5 } });
  if (!built.ok) throw new Error(built.error.message);
  kitProxy = built.value;
  const proxied = await kitProxy.listen(0, '127.0.0.1');
  // One Prism process for all: SWITCH_HEADER picks the broken copy or the kit's proxy.
  const upstream = await switchUpstream(url, { broken: broken.url, 'kit-proxy': proxied.url });
  servers.push(broken, upstream);
  prism = await startPrismProxy(upstream.url);
  viaPrism = httpTarget({ name: 'base-url', baseUrl: prism.url, apiKey: account.key, merchantCode: account.merchantCode, rateLimitRetries: 0 });
});

afterAll(async () => {
  await prism?.close();
  await kitProxy?.close();
  await Promise.all(servers.map((s) => s.close()));
  await twin?.close();
});

describe('the twin behind Prism’s validation proxy', () => {
  test('every answer to the examples, documented errors, rejections and seeded generated traffic passes Prism', async () => {
    // An order first, so getOrderDetail reads a real one (its example orderName belongs to nobody).
    const [order] = exampleRequests({ ...MIX, operations: spec.operations.filter((o) => o.operationId === 'pullCodes') }, 'first-order');
    const placed = await send(viaPrism, order);
    const orderName = (placed.response.json as { data?: { orderName?: string } }).data?.orderName;
    expect(orderName, `pullCodes example answered ${placed.response.status} ${placed.response.text}`).toBeTypeOf('string');
    const mix = { ...MIX, orderName };
    const peers = [...exampleRequests(mix), ...preferRequests(mix), ...rejectionRequests(mix), ...generatedRequests(mix)];
    expect(peers.length).toBeGreaterThan(100);
    expect(await problemsOf(viaPrism, peers)).toEqual([]);
  });

  test('a broken copy of the twin fails it: a wrong type and a missing field Prism names, a request Prism rejects accepted', async () => {
    const mix = { ...MIX, operations: spec.operations.filter((o) => ['getBalance', 'listProducts'].includes(o.operationId)) };
    const unknownColumn = rejectionRequests(mix).filter((p) => p.name === 'listProducts unknown search column');
    expect(unknownColumn).toHaveLength(1);
    const peers = [...exampleRequests(mix), ...unknownColumn].map((p) => ({ ...p, spec: { ...p.spec, headers: { [SWITCH_HEADER]: 'broken' } } }));
    const problems = await problemsOf(viaPrism, peers);
    expect(problems).toContainEqual(expect.stringMatching(/^getBalance example no body \(HTTP 200\): Prism: response\.body\.data\.balance: .*must be number/));
    expect(problems).toContainEqual(expect.stringMatching(/^listProducts example firstPage \(HTTP 200\): Prism: response\.body: .*required property 'pageInfo'/));
    expect(problems).toContainEqual(expect.stringMatching(/^listProducts unknown search column \(HTTP 200\): HTTP 200 to a request Prism rejects: request\.body\.search/));
  });

  test('npm run proxy behind Prism: every answer passes; a request Prism finds off-spec is never counted clean by the proxy', async () => {
    const viaKit = (peer: PeerRequest): PeerRequest => ({ ...peer, spec: { ...peer.spec, headers: { ...peer.spec.headers, [SWITCH_HEADER]: 'kit-proxy' } } });
    const base = { operations: spec.operations, merchantCode: account.merchantCode, seed: 29, generated: 30 };
    // An order first, so getOrderDetail reads a real one (its example orderName belongs to nobody).
    const [order] = exampleRequests({ ...base, operations: spec.operations.filter((o) => o.operationId === 'pullCodes') }, 'first-order');
    const orderName = ((await send(viaPrism, viaKit(order!))).response.json as { data?: { orderName?: string } }).data?.orderName;
    expect(orderName).toBeTypeOf('string');
    const mix = { ...base, orderName };
    const peers = [...exampleRequests(mix), ...preferRequests(mix), ...rejectionRequests(mix), ...generatedRequests(mix)].map(viaKit);
    const problems: string[] = [];
    for (const peer of peers) {
      const exchange = await send(viaPrism, peer);
      const { response } = exchange;
      const label = `${peer.name} (HTTP ${response.status})`;
      for (const problem of judgeThroughPrism(peer, exchange)) problems.push(`${label}: ${problem}`);
      const counted = Number(response.headers[VIOLATIONS_HEADER]);
      const prismFound = prismViolations(response.headers).some((v) => v.location[0] === 'request' && v.severity === 'Error');
      if (!Number.isInteger(counted)) problems.push(`${label}: no ${VIOLATIONS_HEADER} header`);
      else if (prismFound && counted === 0) problems.push(`${label}: Prism rejects the request, the proxy counted no violation`);
    }
    expect(peers.length).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });
});
