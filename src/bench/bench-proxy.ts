// `npm run bench -- --proxy`: the twin direct, through `npm run proxy -- --upstream mock`, and through the proxy in front of that same twin process; same request and load, rotating rounds.
import { BENCH_DEFAULTS, requestFor, type BenchOptions } from './bench.ts';
import { runLoad, type LoadFigures } from './bench-load.ts';
import { startTwinProcess } from './bench-twin.ts';
import { freePort } from '../process/prism-cli.ts';
import { ok, type Result } from '../core/result.ts';
import { spawnListening, type ListeningProcess } from '../process/spawn-listening.ts';

/** The three paths, in table order. */
export const PROXY_PATHS = ['direct', 'mock', 'hop'] as const;
export type ProxyPath = (typeof PROXY_PATHS)[number];

export const PROXY_PATH_NAMES: Record<ProxyPath, string> = {
  direct: 'twin direct (npm run mock)',
  mock: 'npm run proxy -- --upstream mock (twin in-process)',
  hop: 'npm run proxy -- --upstream <the twin above> (one more loopback hop)',
};

export type ProxyBenchFigures = Record<ProxyPath, LoadFigures[]>;

/** Spawn `npm run proxy -- --upstream <upstream>` (scripts/proxy.ts) on a free port. */
function startProxyProcess(port: number, upstream: string): Promise<Result<ListeningProcess>> {
  return spawnListening({
    args: ['scripts/proxy.ts', '--upstream', upstream, '--port', String(port)],
    listening: /proxy listening on (http:\/\/\S+) /,
    name: `The proxy (127.0.0.1:${port}, --upstream ${upstream})`,
    code: 'PROXY_START_FAILED',
    hint: `Run \`npm run proxy -- --upstream ${upstream}\` by hand to see why.`,
  });
}

/**
 * Start the twin and both proxies; a warm-up per path, then rounds rotate the order of the paths; all always stopped.
 * `mock` is what a user runs to try an app offline (and the figure the target is about): the proxy's work is added to
 * the twin's in one process. `hop` is the shape of a real upstream: the outbound path, its pool and a second process.
 */
export async function runProxyBench(options: BenchOptions): Promise<Result<ProxyBenchFigures>> {
  const twin = await startTwinProcess(await freePort());
  if (!twin.ok) return twin;
  const started: ListeningProcess[] = [twin.value];
  try {
    const urls: Record<ProxyPath, string> = { direct: twin.value.url, mock: '', hop: '' };
    for (const [path, upstream] of [['mock', 'mock'], ['hop', twin.value.url]] as const) {
      const proxy = await startProxyProcess(await freePort(), upstream);
      if (!proxy.ok) return proxy;
      started.push(proxy.value);
      urls[path] = proxy.value.url;
    }
    const figures: ProxyBenchFigures = { direct: [], mock: [], hop: [] };
    // Unrecorded, as in the twin/Prism bench: JIT compilation of each process does not land in round 1.
    for (const path of PROXY_PATHS) await runLoad(requestFor(options.operation, urls[path]), { connections: options.connections, durationSec: BENCH_DEFAULTS.warmupSec });
    for (let round = 1; round <= options.rounds; round += 1) {
      const shift = (round - 1) % PROXY_PATHS.length;
      for (const path of [...PROXY_PATHS.slice(shift), ...PROXY_PATHS.slice(0, shift)]) {
        const load = await runLoad(requestFor(options.operation, urls[path]), { connections: options.connections, durationSec: options.durationSec });
        options.progress(`round ${round}/${options.rounds}: ${path} ${Math.round(load.requestsPerSec)} req/s, p50 ${load.p50Ms} ms, mean ${load.meanMs.toFixed(2)} ms, p99 ${load.p99Ms} ms, non-2xx ${load.non2xx}`);
        figures[path].push(load);
      }
    }
    return ok(figures);
  } finally {
    await Promise.all(started.map((process) => process.close()));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

/** The table (markdown) and the lines that matter: p50 (whole ms, as autocannon records it) and mean latency added per proxied path. */
export function formatProxyBench(figures: ProxyBenchFigures, setup: string): string[] {
  const row = (path: ProxyPath) => {
    const rounds = figures[path];
    return `| ${PROXY_PATH_NAMES[path]} | ${Math.round(mean(rounds.map((r) => r.requestsPerSec)))} | ${median(rounds.map((r) => r.p50Ms))} | ${mean(rounds.map((r) => r.meanMs)).toFixed(2)} | ${Math.max(...rounds.map((r) => r.p99Ms))} | ${rounds.reduce((s, r) => s + r.non2xx + r.errors, 0)} |`;
  };
  const added = (path: ProxyPath) => {
    const p50 = median(figures[path].map((r) => r.p50Ms)) - median(figures.direct.map((r) => r.p50Ms));
    const meanMs = mean(figures[path].map((r) => r.meanMs)) - mean(figures.direct.map((r) => r.meanMs));
    return `p50 added, ${path}: ${p50.toFixed(2)} ms; mean latency added: ${meanMs.toFixed(2)} ms`;
  };
  return [
    setup,
    '',
    '| path | req/s (mean) | p50 ms (median) | mean latency ms | p99 ms (worst) | non-2xx/errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...PROXY_PATHS.map(row),
    '',
    `${added('mock')} (target <= 2 ms at 10 connections)`,
    added('hop'),
  ];
}
