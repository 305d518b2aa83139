// `npm run bench -- --proxy`: one twin process loaded directly and through `npm run proxy -- --upstream <that twin>`, same request and load, alternating rounds.
import { BENCH_DEFAULTS, requestFor, type BenchOptions } from './bench.ts';
import { runLoad, type LoadFigures } from './bench-load.ts';
import { startTwinProcess } from './bench-twin.ts';
import { freePort } from './prism-cli.ts';
import { ok, type Result } from './result.ts';
import { spawnListening, type ListeningProcess } from './spawn-listening.ts';

export interface ProxyBenchFigures {
  direct: LoadFigures[];
  proxied: LoadFigures[];
}

/**
 * Spawn `npm run proxy -- --upstream <twin>` (scripts/proxy.ts) in front of the benched twin process: both paths end at
 * the same twin, doing the same work, so the difference is the proxy alone (its validation, checks, log line and hop).
 */
function startProxyProcess(port: number, upstream: string): Promise<Result<ListeningProcess>> {
  return spawnListening({
    args: ['scripts/proxy.ts', '--upstream', upstream, '--port', String(port)],
    listening: /proxy listening on (http:\/\/\S+) /,
    name: `The proxy (127.0.0.1:${port})`,
    code: 'PROXY_START_FAILED',
    hint: `Run \`npm run proxy -- --upstream ${upstream}\` by hand to see why.`,
  });
}

/** Start the twin, then the proxy in front of it; a warm-up per path, then rounds alternate direct / proxied; both always stopped. */
export async function runProxyBench(options: BenchOptions): Promise<Result<ProxyBenchFigures>> {
  const twin = await startTwinProcess(await freePort());
  if (!twin.ok) return twin;
  const proxy = await startProxyProcess(await freePort(), twin.value.url);
  if (!proxy.ok) {
    await twin.value.close();
    return proxy;
  }
  try {
    const figures: ProxyBenchFigures = { direct: [], proxied: [] };
    const runs = [
      { name: 'direct', request: requestFor(options.operation, twin.value.url), into: figures.direct },
      { name: 'proxied', request: requestFor(options.operation, proxy.value.url), into: figures.proxied },
    ];
    // Unrecorded, as in the twin/Prism bench: JIT compilation of both processes does not land in round 1.
    for (const run of runs) await runLoad(run.request, { connections: options.connections, durationSec: BENCH_DEFAULTS.warmupSec });
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const run of round % 2 === 1 ? runs : [...runs].reverse()) {
        const load = await runLoad(run.request, { connections: options.connections, durationSec: options.durationSec });
        options.progress(`round ${round}/${options.rounds}: ${run.name} ${Math.round(load.requestsPerSec)} req/s, p50 ${load.p50Ms} ms, mean ${load.meanMs.toFixed(2)} ms, p99 ${load.p99Ms} ms, non-2xx ${load.non2xx}`);
        run.into.push(load);
      }
    }
    return ok(figures);
  } finally {
    await Promise.all([proxy.value.close(), twin.value.close()]);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

/** The table (markdown) and the lines that matter: p50 (whole ms, as autocannon records it) and mean latency added by the proxy. */
export function formatProxyBench(figures: ProxyBenchFigures, setup: string): string[] {
  const row = (name: string, rounds: LoadFigures[]) =>
    `| ${name} | ${Math.round(mean(rounds.map((r) => r.requestsPerSec)))} | ${median(rounds.map((r) => r.p50Ms))} | ${mean(rounds.map((r) => r.meanMs)).toFixed(2)} | ${Math.max(...rounds.map((r) => r.p99Ms))} | ${rounds.reduce((s, r) => s + r.non2xx + r.errors, 0)} |`;
  const added = median(figures.proxied.map((r) => r.p50Ms)) - median(figures.direct.map((r) => r.p50Ms));
  const addedMean = mean(figures.proxied.map((r) => r.meanMs)) - mean(figures.direct.map((r) => r.meanMs));
  return [
    setup,
    '',
    '| path | req/s (mean) | p50 ms (median) | mean latency ms | p99 ms (worst) | non-2xx/errors |',
    '|---|---:|---:|---:|---:|---:|',
    row('twin direct', figures.direct),
    row('the same twin through npm run proxy', figures.proxied),
    '',
    `p50 added by the proxy: ${added.toFixed(2)} ms (target <= 2 ms at 10 connections); mean latency added: ${addedMean.toFixed(2)} ms`,
  ];
}
