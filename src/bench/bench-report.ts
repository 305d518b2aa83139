// Formats the bench figures: one row per server (req/s, p50, p99, start-up) and the twin/prism ratio.
import type { OperationFigures, ServerFigures } from './bench.ts';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

/** Mean req/s over rounds, median p50, worst p99, total non-2xx. */
export function summarise(figures: ServerFigures) {
  return {
    name: figures.name,
    requestsPerSec: Math.round(mean(figures.rounds.map((r) => r.requestsPerSec))),
    p50Ms: median(figures.rounds.map((r) => r.p50Ms)),
    p99Ms: Math.max(...figures.rounds.map((r) => r.p99Ms)),
    startupMs: figures.startupMs,
    non2xx: figures.rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
}

/** The table the bench prints (markdown, so it can be pasted into the README as is). */
export function formatBench(twin: ServerFigures, prism: ServerFigures, setup: string): string[] {
  const rows = [summarise(twin), summarise(prism)];
  const ratio = rows[1].requestsPerSec > 0 ? rows[0].requestsPerSec / rows[1].requestsPerSec : Number.POSITIVE_INFINITY;
  return [
    setup,
    '',
    '| server | req/s (mean) | p50 ms | p99 ms (worst) | start-up ms | non-2xx/errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name === 'twin' ? 'twin (npm run mock)' : 'plain Prism CLI'} | ${r.requestsPerSec} | ${r.p50Ms} | ${r.p99Ms} | ${r.startupMs} | ${r.non2xx} |`),
    '',
    `ratio twin / prism: ${ratio.toFixed(2)}x req/s`,
  ];
}

const ratioOf = (twin: number, prism: number) => (prism > 0 ? `${(twin / prism).toFixed(1)}x` : 'n/a');

/** The README's figures table: one row per operation, both servers, the ratio and both start-ups (markdown). */
export function formatBenchRun(operations: OperationFigures[], setup: string): string[] {
  const rows = operations.map(({ operation, twin, prism }) => {
    const [t, p] = [summarise(twin), summarise(prism)];
    const startup = `${(t.startupMs / 1000).toFixed(2)} s / ${(p.startupMs / 1000).toFixed(2)} s`;
    return `| ${operation} | ${t.requestsPerSec} | ${t.p50Ms} / ${t.p99Ms} | ${p.requestsPerSec} | ${p.p50Ms} / ${p.p99Ms} | ${ratioOf(t.requestsPerSec, p.requestsPerSec)} | ${startup} |`;
  });
  const failed = operations.reduce((sum, o) => sum + summarise(o.twin).non2xx + summarise(o.prism).non2xx, 0);
  return [
    setup,
    '',
    '| operation | twin req/s | twin p50 / p99 ms | Prism req/s | Prism p50 / p99 ms | ratio | start-up twin / Prism |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'start-up: spawn to the first 200 answer (the twin started as npm run mock starts it; prism mock on the same spec).',
    ...(failed > 0 ? [`warning: ${failed} non-2xx answers or errors under load; the figures are not comparable.`] : []),
  ];
}
