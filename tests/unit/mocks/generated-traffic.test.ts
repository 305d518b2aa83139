// Generated traffic against the in-process twin: thousands of seeded odd requests, every answer judged by the spec.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { createSpecIndex } from '../../../src/contract/checks/lib/spec-index.ts';
import type { TrafficOptions } from '../../../src/contract/checks/lib/traffic.ts';
import { editJson, rewriteFetch, type Fetch } from '../../support/rewrite-fetch.ts';
import { runTraffic } from '../../support/traffic-run.ts';
import { fetchTarget } from '../../../src/contract/targets/mock-target.ts';
import { ALPHA } from './harness.ts';

const spec = createSpecIndex();
const TWIN_TRAFFIC: TrafficOptions = { offPath: true, validOrders: true, prefer: true, keyInQuery: true, malformedJson: true, merchantCode: ALPHA.merchant };
/** A few thousand requests: ~3 s on an idle 2-core machine. */
const RUNS = 2000;
let server: MockServer;

beforeAll(async () => {
  server = await createMockServer();
});
afterAll(() => server.close());

const run = (fetch: Fetch, numRuns: number) =>
  runTraffic({ target: fetchTarget({ server: { fetch }, apiKey: ALPHA.key, merchantCode: ALPHA.merchant }), spec, seed: 1, numRuns, options: TWIN_TRAFFIC });

describe('generated traffic', () => {
  test(`${RUNS} generated requests: every answer documented, valid, its code matching its status, no unasked 5xx`, async () => {
    expect(await run((request) => server.fetch(request), RUNS)).toBeUndefined();
  }, 60_000);
});

describe('a broken twin fails it, with the shrunk request as a curl line', () => {
  const PRODUCTS = '/api/product/merchant/invited/list';

  test('one fixture field of the wrong type (price as a string)', async () => {
    const broken = rewriteFetch((r) => server.fetch(r), {
      response: (res, req) => (req.url.pathname === PRODUCTS && res.status === 200 ? { ...res, body: editJson(res.body, (j) => ({ ...j, data: (j.data as object[]).map((p) => ({ ...p, price: '1.00' })) })) } : res),
    });
    const failure = await run(broken, 300);
    expect(failure).toMatch(/^schema\.response-body: .*price/);
    expect(failure).toMatch(/\n {2}curl -sS -X POST '[^']*\/api\/product\/merchant\/invited\/list'/);
    expect(failure).toContain('-H "x-api-key: $WUPEX_API_KEY"');
    expect(failure).not.toContain(ALPHA.key);
  }, 30_000);

  test('a handler that throws on some input (an empty search list)', async () => {
    const broken: Fetch = async (request) => {
      const text = request.method === 'POST' ? await request.clone().text() : '';
      if (text.includes('"search":[]')) return new Response(JSON.stringify({ status: false, error: { code: 'INTERNAL_ERROR', message: 'Boom.' } }), { status: 500, headers: { 'content-type': 'application/json' } });
      return server.fetch(request);
    };
    const failure = await run(broken, 300);
    expect(failure).toMatch(/^HTTP 500 without a fault asked for \(seed 1, shrunk after \d+ steps\)/);
    expect(failure).toContain(`--data-raw '{"search":[]}'`);
  }, 30_000);
});
