// The proxy bench's table: one row per path, and the p50 / mean latency each proxied path adds to the twin direct.
import { expect, test } from 'vitest';
import { formatProxyBench } from '../../../src/bench/bench-proxy.ts';
import type { LoadFigures } from '../../../src/bench/bench-load.ts';

const round = (requestsPerSec: number, p50Ms: number, meanMs: number): LoadFigures => ({ requestsPerSec, p50Ms, meanMs, p99Ms: p50Ms * 3, total: 100, non2xx: 0, errors: 0 });

test('the added p50 is the difference of the medians, the added mean that of the means; mock carries the target', () => {
  const lines = formatProxyBench(
    {
      direct: [round(9000, 1, 1.0), round(8000, 0, 0.5), round(7000, 1, 0.9)],
      mock: [round(4000, 2, 2.0), round(5000, 2, 1.8), round(3000, 3, 2.5)],
      hop: [round(2500, 3, 3.5), round(2400, 4, 3.7), round(2600, 3, 3.3)],
    },
    'getBalance, 10 connections',
  );
  expect(lines[0]).toBe('getBalance, 10 connections');
  expect(lines.find((l) => l.startsWith('| twin direct'))).toBe('| twin direct (npm run mock) | 8000 | 1 | 0.80 | 3 | 0 |');
  expect(lines).toContain('p50 added, mock: 1.00 ms; mean latency added: 1.30 ms (target <= 2 ms at 10 connections)');
  expect(lines).toContain('p50 added, hop: 2.00 ms; mean latency added: 2.70 ms');
});
