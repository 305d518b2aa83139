// The `--proxy` branch of npm run bench: run the proxy bench, print its table, return the exit code.
import { availableParallelism } from 'node:os';
import { EXIT, type Reporter } from './cli.ts';
import { BENCH_DEFAULTS, type BenchOperation } from './bench.ts';
import { formatProxyBench, runProxyBench } from './bench-proxy.ts';

export async function benchProxy(options: { rounds: number; durationSec: number; connections: number; operation: BenchOperation }, reporter: Reporter): Promise<number> {
  reporter.info(`Starting the twin (npm run mock), npm run proxy -- --upstream mock, and npm run proxy in front of that twin; a ${BENCH_DEFAULTS.warmupSec} s warm-up per path, then ${options.rounds} rotating rounds of ${options.durationSec} s each, ${options.connections} connections, ${options.operation}.`);
  const result = await runProxyBench({ ...options, progress: (line) => reporter.info(line) });
  if (!result.ok) {
    reporter.error(result.error);
    return EXIT.unreachable;
  }
  const setup = `${options.operation}, ${options.connections} connections, ${options.rounds} x ${options.durationSec} s per path, node ${process.version}, ${availableParallelism()} cores`;
  for (const line of formatProxyBench(result.value, setup)) reporter.line(line);
  return EXIT.ok;
}
