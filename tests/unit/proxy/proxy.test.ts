// npm run proxy, in-process on port 0: an app-like mix through the twin, a broken twin, --enforce, recording and replay.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BODY_LIMIT } from '../../../mocks/node-adapter.ts';
import { createMockServer } from '../../../mocks/server.ts';
import { createHarValidator } from '../../../src/har/validate.ts';
import { createProxy, prepareValidation, type Proxy, type Validation } from '../../../src/proxy/proxy-server.ts';
import { SAMPLE_ACCOUNT, sampleSteps, sendSampleTraffic, type SampleAnswer } from '../../../src/proxy/sample-traffic.ts';
import { loadRecordings } from '../../../src/replay/load.ts';
import { replayRecordings } from '../../../src/replay/run-replay.ts';
import { editJson, rewriteFetch } from '../../support/rewrite-fetch.ts';
import { serveFetch, type Served } from '../../support/serve-fetch.ts';

/** Invalid on the request side: the proxy must count them; every other step of the mix is valid both ways. */
const INVALID_REQUESTS = ['no key', 'page 0', 'malformed JSON', 'no Accept-Language'];
// A distinctive key built at run time (never a literal in the repository), held by the twin's only account.
const KEY = ['wpx', 'Qz7', Date.now().toString(36), 'Rk4Lm9Tb2Vc8'].join('-');

// One spec + Prism router for every proxy in this file (the slow part of starting one).
let validation: Validation;
beforeAll(async () => {
  const prepared = await prepareValidation();
  if (!prepared.ok) throw new Error(prepared.error.message);
  validation = prepared.value;
});

async function started(upstream: string, extra: Partial<Parameters<typeof createProxy>[0]> = {}) {
  const log: string[] = [];
  const built = await createProxy({ upstream, log: (line) => log.push(line), validation, ...extra });
  if (!built.ok) throw new Error(built.error.message);
  const address = await built.value.listen(0, '127.0.0.1');
  return { proxy: built.value, url: address.url, log };
}

describe('proxy --upstream mock --record DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'i10-proxy-'));
  let run: { proxy: Proxy; url: string; log: string[] };
  let answers: SampleAnswer[];
  let har: string;
  let summary: string[];

  beforeAll(async () => {
    run = await started('mock', { record: { dir }, twin: { accounts: [{ key: KEY, merchantCode: SAMPLE_ACCOUNT.merchantCode }] } });
    answers = await sendSampleTraffic(run.url, { key: KEY });
    const closed = await run.proxy.close();
    if (!closed.ok) throw new Error(closed.error.message);
    summary = closed.value;
    har = readFileSync(run.proxy.recordingPath!, 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the twin answers every step as the app expects, through the proxy', () => {
    expect(answers.map((a) => [a.step.name, a.status])).toEqual(sampleSteps().map((s) => [s.name, s.expect]));
  });

  test('valid traffic shows x-wupex-violations: 0; each invalid request counts at least one', () => {
    for (const a of answers) {
      const count = Number(a.headers['x-wupex-violations']);
      if (INVALID_REQUESTS.includes(a.step.name)) expect(count, a.step.name).toBeGreaterThan(0);
      else expect(count, a.step.name).toBe(0);
    }
    expect(run.log).toContain('violation request.schema POST /api/product/merchant/invited/list body.page: expected must be >= 1, received 0');
    expect(run.log).toContain('violation request.security GET /api/customer/balance header.x-api-key: expected the x-api-key header (every operation requires it), received (absent)');
  });

  test('the recording is valid HAR 1.2 and holds neither the key nor a full serial code', () => {
    expect(createHarValidator()(JSON.parse(har), 'recording').ok).toBe(true);
    expect(har).not.toContain(KEY);
    expect(run.log.join('\n')).not.toContain(KEY);
    const serials = answers.flatMap((a) => JSON.stringify(a.json ?? '').match(/"serialCode":"[^"]+"/g) ?? []).map((s) => s.slice(14, -1));
    expect(serials.length).toBeGreaterThan(0);
    for (const code of serials) {
      expect(har).not.toContain(code);
      expect(har).toContain(code.slice(-4));
    }
    expect(har).toMatch(/\[redacted key#[0-9a-f]{6}\]/);
  });

  test('replay of the recording passes on the current spec', () => {
    const recordings = loadRecordings([dir]);
    if (!recordings.ok) throw new Error(recordings.error.message);
    const report = replayRecordings(recordings.value, validation.spec);
    expect(report.exchanges).toBe(sampleSteps().length);
    expect(report.failed).toEqual([]);
  });

  test('the summary counts requests per operation, violations per check, and names the recording', () => {
    expect(summary[0]).toBe(`Requests: ${sampleSteps().length}`);
    expect(summary).toContain('      4  GET /api/customer/balance');
    const schemaLine = summary.find((l) => l.endsWith('  request.schema'));
    expect(Number(schemaLine?.trim().split(/\s+/)[0])).toBe(run.proxy.stats.violations.get('request.schema'));
    expect(summary).toContain('Violations: 4');
    expect(summary.at(-1)).toBe(`Recording: ${run.proxy.recordingPath}`);
  });
});

describe('proxy against a twin broken for the test', () => {
  let upstream: Served;
  let hits = 0;
  beforeAll(async () => {
    const twin = await createMockServer();
    const broken = rewriteFetch(twin.fetch, {
      request: (r) => ((hits += 1), r),
      response: (res, req) => (req.url.pathname === '/api/customer/balance' && res.status === 200 ? { ...res, body: editJson(res.body, (j) => ({ ...j, data: { ...(j.data as object), balance: '5000.00' } })) } : res),
    });
    upstream = await serveFetch(broken);
  });
  afterAll(() => upstream.close());

  test('a wrong type in one answer is a violation on exactly that exchange, with its JSON path', async () => {
    const run = await started(upstream.url);
    const steps = sampleSteps().filter((s) => !INVALID_REQUESTS.includes(s.name));
    const answers = await sendSampleTraffic(run.url, { steps });
    await run.proxy.close();
    const flagged = answers.filter((a) => a.headers['x-wupex-violations'] !== '0').map((a) => a.step.name);
    expect(flagged).toEqual(['balance']);
    expect(answers[0].json).toMatchObject({ data: { balance: '5000.00' } });
    expect(run.log).toContain('violation schema.response-body GET /api/customer/balance $.data.balance: expected must be number, received "5000.00" [decisions #3; sources S7]');
  });

  test('--enforce answers an invalid request itself, naming the field; the upstream never sees it', async () => {
    const run = await started(upstream.url, { enforce: true });
    const before = hits;
    const answers = await sendSampleTraffic(run.url, { steps: sampleSteps().filter((s) => s.name === 'page 0') });
    await run.proxy.close();
    expect(hits).toBe(before);
    expect(answers[0].status).toBe(400);
    expect(answers[0].json).toEqual({ status: false, error: { code: 'INVALID_PAYLOAD', message: 'body.page must be >= 1.' } });
    expect(run.proxy.stats.refused).toBe(1);
  });

  test('a body over BODY_LIMIT is answered 413 by the proxy like its other answers: one violation naming the size, counted, one log line; never forwarded', async () => {
    const run = await started(upstream.url);
    const before = hits;
    const response = await fetch(`${run.url}/api/order/pull-codes`, { method: 'POST', headers: { 'x-api-key': KEY, 'accept-language': 'en-US', 'content-type': 'application/json' }, body: ' '.repeat(BODY_LIMIT + 1) });
    const closed = await run.proxy.close();
    expect(response.status).toBe(413);
    expect(response.headers.get('x-wupex-violations')).toBe('1');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(hits).toBe(before);
    expect(run.log).toEqual([
      `violation request.body-size POST /api/order/pull-codes body: expected at most ${BODY_LIMIT} bytes, received ${BODY_LIMIT + 1} bytes`,
      expect.stringMatching(new RegExp(`^POST /api/order/pull-codes 413 [\\d.]+ms key#[0-9a-f]{6} violations 1 \\(body over ${BODY_LIMIT} bytes, not forwarded\\)$`)),
    ]);
    expect(closed.ok && closed.value).toEqual(expect.arrayContaining(['Requests: 1', '      1  POST /api/order/pull-codes', 'Violations: 1', '      1  request.body-size']));
  });

  test('a failure of the proxy itself is a 502 PROXY_FAILURE for that request only; the next one is served', async () => {
    let calls = 0;
    const flaky = { ...validation, inspectRequest: (request: Parameters<Validation['inspectRequest']>[0]) => ((calls += 1) === 1 ? Promise.reject(new Error('inspector bug')) : validation.inspectRequest(request)) };
    const run = await started(upstream.url, { validation: flaky });
    const [first, second] = await sendSampleTraffic(run.url, { steps: [sampleSteps()[1], sampleSteps()[1]] });
    await run.proxy.close();
    expect(first.status).toBe(502);
    expect(first.json).toMatchObject({ status: false, error: { code: 'PROXY_FAILURE' } });
    expect(run.log).toContain('[wupex-proxy] PROXY_FAILURE: inspector bug');
    expect(second.status).toBe(200);
  });
});
