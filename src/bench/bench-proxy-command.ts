// The proxy part of npm run bench (alone with --proxy): per operation, run the proxy bench and print its table; returns the exit code.
import { availableParallelism } from 'node:os';
import { EXIT, type Reporter } from '../cli/flags.ts';
import { BENCH_DEFAULTS, type BenchOperation } from './bench.ts';
import { formatProxyBench, runProxyBench } from './bench-proxy.ts';

export async function benchProxy(options: { rounds: number; durationSec: number; connections: number; operations: readonly BenchOperation[] }, reporter: Reporter): Promise<number> {
  for (const operation of options.operations) {
    reporter.info(`Proxy overhead, ${operation}: starting the twin (npm run mock), npm run proxy -- --upstream mock, and npm run proxy in front of that twin; a ${BENCH_DEFAULTS.warmupSec} s warm-up per path, then ${options.rounds} rotating rounds of ${options.durationSec} s each, ${options.connections} connections.`);
    const result = await runProxyBench({ ...options, operation, progress: (line) => reporter.info(line) });
    if (!result.ok) {
      reporter.error(result.error);
      return EXIT.unreachable;
    }
    const setup = `${operation}, ${options.connections} connections, ${options.rounds} x ${options.durationSec} s per path, node ${process.version}, ${availableParallelism()} cores`;
    for (const line of formatProxyBench(result.value, setup)) reporter.line(line);
  }
  return EXIT.ok;
}
