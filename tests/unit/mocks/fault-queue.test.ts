// Queued faults are counted, not copied (issue 17 #13): many faults of large counts cost O(runs), and the run count is bounded.
import { describe, expect, test } from 'vitest';
import { createFaultQueue, MAX_QUEUED_RUNS } from '../../../mocks/scenario.ts';
import { loadSpec } from '../../../src/spec/spec.ts';

const spec = loadSpec();

describe('createFaultQueue', () => {
  test('a thousand faults of count 10000 queue at once and are taken in order, run by run', () => {
    // Copying one entry per answer (the old queue) made this 10 million array slots re-copied per fault: minutes.
    const queue = createFaultQueue(spec);
    for (let i = 0; i < MAX_QUEUED_RUNS; i++) expect(queue.queue({ operation: 'getBalance', status: i % 2 ? 503 : 429, count: 10_000 }).ok).toBe(true);
    expect(queue.take('GET', '/api/customer/balance')).toBe(429);
    for (let i = 1; i < 10_000; i++) queue.take('GET', '/api/customer/balance');
    expect(queue.take('GET', '/api/customer/balance')).toBe(503);
  });

  test('equal consecutive faults merge into one run; past the bound a fault is refused, naming the bound and the way out', () => {
    const queue = createFaultQueue(spec);
    expect(queue.queue({ operation: 'getBalance', status: 429, count: 2 }).ok).toBe(true);
    expect(queue.queue({ operation: 'getBalance', status: 429, count: 1 }).ok).toBe(true);
    expect([1, 2, 3, 4].map(() => queue.take('GET', '/api/customer/balance'))).toEqual([429, 429, 429, undefined]);
    for (let i = 0; i < MAX_QUEUED_RUNS; i++) queue.queue({ operation: 'getBalance', status: i % 2 ? 503 : 429, count: 1 });
    const refused = queue.queue({ operation: 'getBalance', status: 503, count: 1 });
    expect(refused.ok ? '' : refused.error.message).toContain(`getBalance already has ${MAX_QUEUED_RUNS} queued faults; POST /__mock/reset clears them.`);
    queue.reset();
    expect(queue.take('GET', '/api/customer/balance')).toBeUndefined();
  });
});
