// `npm run bench`: the twin against the plain Prism CLI (req/s, p50/p99, start-up, ratio), then the proxy's overhead; same request and load per comparison, alternating rounds.
import { availableParallelism, cpus } from 'node:os';
import { EXIT, createReporter, integerFlag, optionsOrExit, parseFlags } from '../src/cli/flags.ts';
import { err, kitError, ok, type Result } from '../src/core/result.ts';
import { BENCH_DEFAULTS, BENCH_OPERATIONS, measureInProcessStartup, runBench, type BenchOperation } from '../src/bench/bench.ts';
import { formatBenchRun } from '../src/bench/bench-report.ts';
import { benchProxy } from '../src/bench/bench-proxy-command.ts';

const USAGE = `Usage: npm run bench -- [--rounds N] [--duration S] [--connections N] [--operation getBalance|listProducts] [--proxy]
  first the twin against the plain Prism CLI, then the proxy's overhead (the twin direct, through npm run proxy -- --upstream mock,
  and through the proxy in front of that twin); --proxy: the proxy's overhead only
  defaults: ${BENCH_DEFAULTS.rounds} rounds x ${BENCH_DEFAULTS.durationSec} s per server or path, ${BENCH_DEFAULTS.connections} connections, ${BENCH_OPERATIONS.join(' then ')}`;
const reporter = createReporter({ secrets: [process.env.WUPEX_API_KEY] });

interface BenchFlags {
  rounds: number;
  durationSec: number;
  connections: number;
  operation: BenchOperation;
  /** --operation, or both. */
  operations: readonly BenchOperation[];
  proxy: boolean;
  help: boolean;
}

function parse(argv: string[]): Result<BenchFlags> {
  const flag = { type: 'string' } as const;
  const flags = parseFlags(argv, { rounds: flag, duration: flag, connections: flag, operation: flag, proxy: { type: 'boolean' }, help: { type: 'boolean' } });
  if (!flags.ok) return flags;
  const rounds = integerFlag('rounds', flags.value.rounds, { min: 1, max: 20, fallback: BENCH_DEFAULTS.rounds });
  if (!rounds.ok) return rounds;
  const durationSec = integerFlag('duration', flags.value.duration, { min: 1, max: 60, fallback: BENCH_DEFAULTS.durationSec });
  if (!durationSec.ok) return durationSec;
  const connections = integerFlag('connections', flags.value.connections, { min: 1, max: 500, fallback: BENCH_DEFAULTS.connections });
  if (!connections.ok) return connections;
  const operation = flags.value.operation ?? BENCH_DEFAULTS.operation;
  if (operation !== 'getBalance' && operation !== 'listProducts') {
    return err(kitError('USAGE', `--operation must be getBalance or listProducts; received '${operation}'.`, { hint: USAGE }));
  }
  const operations: readonly BenchOperation[] = flags.value.operation ? [operation] : BENCH_OPERATIONS;
  return ok({ rounds: rounds.value, durationSec: durationSec.value, connections: connections.value, operation, operations, proxy: flags.value.proxy === true, help: flags.value.help === true });
}

const options = optionsOrExit(parse(process.argv.slice(2)), reporter, USAGE);
if (options.proxy) process.exit(await benchProxy(options, reporter));
reporter.info(`Starting the twin and the plain Prism CLI; then per operation ${options.rounds} alternating rounds of ${options.durationSec} s each, ${options.connections} connections: ${options.operations.join(', ')}.`);
const result = await runBench({ ...options, progress: (line) => reporter.info(line) });
if (!result.ok) {
  reporter.error(result.error);
  process.exit(EXIT.unreachable);
}
const inProcess = await measureInProcessStartup();
const setup = `${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, node ${process.version}; ${options.connections} connections, ${options.rounds} x ${options.durationSec} s per server and operation`;
for (const line of formatBenchRun(result.value, setup)) reporter.line(line);
reporter.line(`in-process (this bench process): importing mocks/server.ts ${inProcess.importMs} ms, then createMockServer() ${inProcess.createMs} ms.`);
process.exit(await benchProxy(options, reporter));
