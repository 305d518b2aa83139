import { afterEach, describe, expect, test } from 'vitest';
import { createFaults } from '../../../mocks/faults.ts';
import { createRandom } from '../../../mocks/random.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { kit } from '../../support/decided.ts';
import { createHarness } from './harness.ts';

const servers: MockServer[] = [];
const make = async (options: Parameters<typeof createMockServer>[0]) => {
  const server = await createMockServer(options);
  servers.push(server);
  return server;
};
afterEach(() => servers.forEach((s) => s.store.reset()));

describe('createFaults', () => {
  test('rate limit: over N per second per key is TOO_MANY_REQUESTS; a new second starts over', () => {
    let now = 10_000;
    const faults = createFaults({ faultRate: 0, rateLimit: 2, random: createRandom(1), now: () => now });
    expect([faults.limit('a'), faults.limit('a'), faults.limit('b')]).toEqual([undefined, undefined, undefined]);
    expect(faults.limit('a')).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Rate limit of 2 requests per second exceeded; retry after 1 second.' });
    now += 1000;
    expect(faults.limit('a')).toBeUndefined();
  });

  test('fault rate 0 never fails, 1 always fails with 429 or 503', () => {
    const never = createFaults({ faultRate: 0, random: createRandom(1) });
    const always = createFaults({ faultRate: 1, random: createRandom(1) });
    const codes = Array.from({ length: 50 }, () => always.random()?.code);
    expect(Array.from({ length: 50 }, () => never.random())).toEqual(Array(50).fill(undefined));
    expect(new Set(codes)).toEqual(new Set(['TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE']));
  });

  test('a seeded fault rate of 0.2 fails about a fifth of requests, the same ones for the same seed', () => {
    const run = () => {
      const faults = createFaults({ faultRate: 0.2, random: createRandom(42) });
      return Array.from({ length: 1000 }, () => faults.random()?.code ?? 'ok');
    };
    const first = run();
    expect(run()).toEqual(first);
    const failed = first.filter((c) => c !== 'ok').length;
    expect(failed).toBeGreaterThan(150);
    expect(failed).toBeLessThan(250);
  });
});

describe('faults on the server', () => {
  test('faultRate 1 answers every WUPEX request 429 or 503, with Retry-After as decided (DECISIONS #22), in the envelope', async () => {
    const twin = createHarness(await make({ faultRate: 1 }));
    for (let i = 0; i < 10; i += 1) {
      const answer = await twin.call('GET', '/api/customer/balance');
      expect([429, 503]).toContain(answer.status);
      expect(answer.headers.get('retry-after')).toBe(kit.retryAfter.send ? '1' : null);
    }
    twin.expectNoViolations();
  });

  test('rateLimit answers 429 TOO_MANY_REQUESTS, with Retry-After as decided, once a key is over budget', async () => {
    const twin = createHarness(await make({ rateLimit: 2 }));
    const answers = await Promise.all(Array.from({ length: 8 }, () => twin.call('GET', '/api/customer/balance')));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].headers.get('retry-after')).toBe(kit.retryAfter.send ? '1' : null);
    expect(limited[0].body.error.code).toBe('TOO_MANY_REQUESTS');
    twin.expectNoViolations();
  });

  test('latencyMs still answers correctly', async () => {
    const twin = createHarness(await make({ latencyMs: 5 }));
    expect((await twin.call('GET', '/api/customer/balance')).status).toBe(200);
  });
});
