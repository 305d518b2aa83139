// `npm run bench -- --proxy`: the twin direct against the twin through `npm run proxy -- --upstream mock`, same request and load, alternating rounds.
import { requestFor, type BenchOptions } from './bench.ts';
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
 * Spawn `npm run proxy -- --upstream mock` (scripts/proxy.ts): the twin in-process behind the proxy, as a user runs it, still
 * reached over loopback HTTP through the kit's outbound path. One process against the direct twin's one process: on a
 * 2-core machine a third process (twin + proxy + autocannon) would measure CPU contention, not the proxy.
 */
function startProxyProcess(port: number): Promise<Result<ListeningProcess>> {
  return spawnListening({
    args: ['scripts/proxy.ts', '--upstream', 'mock', '--port', String(port)],
    listening: /proxy listening on (http:\/\/\S+) /,
    name: `The proxy (127.0.0.1:${port})`,
    code: 'PROXY_START_FAILED',
    hint: 'Run `npm run proxy -- --upstream mock` by hand to see why.',
  });
}

/** Start the twin, then the proxy with its own in-process twin; rounds alternate direct / proxied; both always stopped. */
export async function runProxyBench(options: BenchOptions): Promise<Result<ProxyBenchFigures>> {
  const twin = await startTwinProcess(await freePort());
  if (!twin.ok) return twin;
  const proxy = await startProxyProcess(await freePort());
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
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const run of round % 2 === 1 ? runs : [...runs].reverse()) {
        const load = await runLoad(run.request, { connections: options.connections, durationSec: options.durationSec });
        options.progress(`round ${round}/${options.rounds}: ${run.name} ${Math.round(load.requestsPerSec)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, non-2xx ${load.non2xx}`);
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

/** The table (markdown) and the line that matters: p50 added by the proxy. */
export function formatProxyBench(figures: ProxyBenchFigures, setup: string): string[] {
  const row = (name: string, rounds: LoadFigures[]) =>
    `| ${name} | ${Math.round(mean(rounds.map((r) => r.requestsPerSec)))} | ${median(rounds.map((r) => r.p50Ms))} | ${Math.max(...rounds.map((r) => r.p99Ms))} | ${rounds.reduce((s, r) => s + r.non2xx + r.errors, 0)} |`;
  const added = median(figures.proxied.map((r) => r.p50Ms)) - median(figures.direct.map((r) => r.p50Ms));
  return [
    setup,
    '',
    '| path | req/s (mean) | p50 ms (median) | p99 ms (worst) | non-2xx/errors |',
    '|---|---:|---:|---:|---:|',
    row('twin direct', figures.direct),
    row('twin through npm run proxy', figures.proxied),
    '',
    `p50 added by the proxy: ${added.toFixed(2)} ms (target <= 2 ms at 10 connections)`,
  ];
}
