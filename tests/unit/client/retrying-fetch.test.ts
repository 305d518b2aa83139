// The retrying fetch: replays a fresh copy of the request, sleeps through the injected clock, stops when told to.
import { describe, expect, test } from 'vitest';
import { createRetryingFetch, type RetryEvent } from '../../../src/client/retrying-fetch.ts';

const BASE = 'http://127.0.0.1:4010';

/** A fake server answering from a script of statuses, recording every request it saw. */
function scripted(statuses: Array<number | [number, Record<string, string>]>) {
  const seen: Array<{ method: string; url: string; body: string }> = [];
  const fetch = async (request: Request) => {
    seen.push({ method: request.method, url: request.url, body: await request.text() });
    const next = statuses[Math.min(seen.length - 1, statuses.length - 1)];
    const [status, headers] = Array.isArray(next) ? next : [next, {}];
    return new Response(JSON.stringify({ status: status < 400 }), { status, headers });
  };
  return { fetch, seen };
}

function harness(statuses: Array<number | [number, Record<string, string>]>) {
  const server = scripted(statuses);
  const waits: number[] = [];
  const events: RetryEvent[] = [];
  const fetch = createRetryingFetch({
    fetch: server.fetch,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0,
    onRetry: (event) => events.push(event),
  });
  return { fetch, seen: server.seen, waits, events };
}

const pull = (query: string) =>
  new Request(`${BASE}/api/order/pull-codes${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ merchant: 'DEMO-MERCHANT-A', sku: 'GOOGLE-USA-10USD', quantity: 1 }]),
  });

describe('createRetryingFetch', () => {
  test('retries 503 then 429 and returns the success, waiting per S11 and Retry-After', async () => {
    const h = harness([503, [429, { 'retry-after': '1' }], 200]);
    const response = await h.fetch(new Request(`${BASE}/api/customer/balance`));
    expect(response.status).toBe(200);
    expect(h.seen).toHaveLength(3);
    expect(h.waits).toEqual([500, 1000]);
    expect(h.events.map((e) => [e.status, e.retry, e.maxRetries])).toEqual([[503, 1, 5], [429, 2, 5]]);
  });

  test('gives up after 5 retries and returns the last answer', async () => {
    const h = harness([500]);
    const response = await h.fetch(new Request(`${BASE}/api/customer/balance`));
    expect(response.status).toBe(500);
    expect(h.seen).toHaveLength(6);
    expect(h.waits).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  test('does not retry a 409', async () => {
    const h = harness([409, 200]);
    expect((await h.fetch(pull('?referenceId=r1'))).status).toBe(409);
    expect(h.seen).toHaveLength(1);
  });

  test('a pullCodes without referenceId that meets a 503 is sent once only', async () => {
    const h = harness([503, 200]);
    expect((await h.fetch(pull(''))).status).toBe(503);
    expect(h.seen).toHaveLength(1);
    expect(h.waits).toEqual([]);
  });

  test('a retried pullCodes repeats the same referenceId and the same body', async () => {
    const h = harness([503, 502, 200]);
    expect((await h.fetch(pull('?referenceId=order-42&allowTakeAll=true'))).status).toBe(200);
    expect(h.seen).toHaveLength(3);
    expect(new Set(h.seen.map((s) => s.url))).toEqual(new Set([`${BASE}/api/order/pull-codes?referenceId=order-42&allowTakeAll=true`]));
    expect(new Set(h.seen.map((s) => s.body)).size).toBe(1);
    expect(h.seen[2].body).toContain('GOOGLE-USA-10USD');
  });
});
