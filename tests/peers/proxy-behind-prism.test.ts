// Judged from outside: `npm run proxy -- --upstream mock` (the twin on its own thread) behind the plain Prism CLI's validation proxy.
// Prism must find nothing wrong in any answer the kit's proxy passes on, and the two must agree on which requests are off-spec.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { startPrismCli, type PrismCli } from '../../src/process/prism-cli.ts';
import { createProxy, type Proxy } from '../../src/proxy/proxy-server.ts';
import { VIOLATIONS_HEADER } from '../../src/proxy/proxy-handle.ts';
import { buildRequest } from '../../src/contract/checks/context.ts';
import { createSpecIndex } from '../../src/contract/checks/lib/spec-index.ts';
import { exampleRequests, generatedRequests, preferRequests, rejectionRequests, type PeerRequest } from '../support/peer-requests.ts';
import { judgeThroughPrism, prismViolations } from '../support/prism-proxy-judge.ts';
import { httpTarget } from '../../src/contract/targets/http-target.ts';
import type { Target } from '../../src/contract/targets/target.ts';

const spec = createSpecIndex();
const [account] = DEMO_ACCOUNTS;
let proxy: Proxy;
let prism: PrismCli;
let viaPrism: Target;

beforeAll(async () => {
  const built = await createProxy({ upstream: 'mock', log: () => undefined, twin: { seed: 5 } });
  if (!built.ok) throw new Error(built.error.message);
  proxy = built.value;
  const { url } = await proxy.listen(0, '127.0.0.1');
  const started = await startPrismCli({ upstream: url });
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
  prism = started.value;
  viaPrism = httpTarget({ name: 'base-url', baseUrl: prism.url, apiKey: account.key, merchantCode: account.merchantCode, rateLimitRetries: 0 });
});

afterAll(async () => {
  await prism?.close();
  await proxy?.close();
});

test('every answer through the proxy passes Prism; a request Prism finds off-spec is never counted clean by the proxy', async () => {
  const send = async (peer: PeerRequest) => {
    const sent = await viaPrism.send(buildRequest(viaPrism, peer.spec));
    if (!sent.ok) throw new Error(`${peer.name}: ${sent.error.code} ${sent.error.message}`);
    return sent.value;
  };
  const base = { operations: spec.operations, merchantCode: account.merchantCode, seed: 29, generated: 30 };
  // An order first, so getOrderDetail reads a real one (its example orderName belongs to nobody).
  const [order] = exampleRequests({ ...base, operations: spec.operations.filter((o) => o.operationId === 'pullCodes') });
  const orderName = ((await send(order)).response.json as { data?: { orderName?: string } }).data?.orderName;
  expect(orderName).toBeTypeOf('string');
  const mix = { ...base, orderName };
  const peers: PeerRequest[] = [...exampleRequests(mix), ...preferRequests(mix), ...rejectionRequests(mix), ...generatedRequests(mix)];
  const problems: string[] = [];
  for (const peer of peers) {
    const exchange = await send(peer);
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
