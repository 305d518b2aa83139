import { describe, expect, test } from 'vitest';
import { formatBench, formatBenchRun, summarise } from '../../../src/bench/bench-report.ts';
import type { ServerFigures } from '../../../src/bench/bench.ts';

const round = (requestsPerSec: number, p50Ms: number, p99Ms: number) => ({ requestsPerSec, p50Ms, meanMs: p50Ms, p99Ms, total: 100, non2xx: 0, errors: 0 });
const twin: ServerFigures = { name: 'twin', startupMs: 900, rounds: [round(3000, 2, 10), round(3300, 1, 20), round(2700, 3, 15)] };
const prism: ServerFigures = { name: 'prism', startupMs: 1800, rounds: [round(400, 20, 100), round(500, 18, 150), round(300, 25, 120)] };

describe('bench report', () => {
  test('summarise takes the mean req/s, the median p50 and the worst p99', () => {
    expect(summarise(twin)).toEqual({ name: 'twin', requestsPerSec: 3000, p50Ms: 2, p99Ms: 20, startupMs: 900, non2xx: 0 });
  });

  test('formatBench prints both rows and the twin/prism ratio', () => {
    const lines = formatBench(twin, prism, 'getBalance, 10 connections');
    expect(lines).toContain('| twin (npm run mock) | 3000 | 2 | 20 | 900 | 0 |');
    expect(lines).toContain('| plain Prism CLI | 400 | 20 | 150 | 1800 | 0 |');
    expect(lines.at(-1)).toBe('ratio twin / prism: 7.50x req/s');
  });

  test('formatBenchRun prints the README table: one row per operation with both start-ups', () => {
    const lines = formatBenchRun([{ operation: 'getBalance', twin, prism }, { operation: 'listProducts', twin, prism }], '2026-11-29, some CPU');
    expect(lines).toContain('| getBalance | 3000 | 2 / 20 | 400 | 20 / 150 | 7.5x | 0.90 s / 1.80 s |');
    expect(lines.filter((l) => l.startsWith('| listProducts |'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('warning:'))).toBe(false);
  });
});
