// `npm run bench`: the twin against the plain Prism CLI, same request and load, alternating rounds; prints req/s, p50/p99, start-up, ratio.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { EXIT, createReporter } from './lib/cli.ts';
import { BENCH_DEFAULTS, runBench, type BenchOperation } from './lib/bench.ts';
import { formatBench } from './lib/bench-report.ts';

const USAGE = `Usage: npm run bench -- [--rounds N] [--duration S] [--connections N] [--operation getBalance|listProducts]
  defaults: ${BENCH_DEFAULTS.rounds} rounds x ${BENCH_DEFAULTS.durationSec} s per server, ${BENCH_DEFAULTS.connections} connections, ${BENCH_DEFAULTS.operation}`;
const reporter = createReporter({ secrets: [process.env.WUPEX_API_KEY] });

function intFlag(name: string, raw: string | undefined, fallback: number, max: number): number | string {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : `--${name} must be an integer from 1 to ${max}; received '${raw}'.`;
}

function parse(argv: string[]) {
  try {
    const flag = { type: 'string' } as const;
    const { values } = parseArgs({ args: argv, strict: true, options: { rounds: flag, duration: flag, connections: flag, operation: flag, help: { type: 'boolean' } } });
    const rounds = intFlag('rounds', values.rounds, BENCH_DEFAULTS.rounds, 20);
    const durationSec = intFlag('duration', values.duration, BENCH_DEFAULTS.durationSec, 60);
    const connections = intFlag('connections', values.connections, BENCH_DEFAULTS.connections, 500);
    const operation = values.operation ?? BENCH_DEFAULTS.operation;
    const problem = [rounds, durationSec, connections].find((v) => typeof v === 'string');
    if (problem) return problem as string;
    if (operation !== 'getBalance' && operation !== 'listProducts') return `--operation must be getBalance or listProducts; received '${operation}'.`;
    return { rounds: rounds as number, durationSec: durationSec as number, connections: connections as number, operation: operation as BenchOperation, help: values.help === true };
  } catch (cause) {
    return `${cause instanceof Error ? cause.message : String(cause)}. Valid flags: --rounds, --duration, --connections, --operation, --help.`;
  }
}

const options = parse(process.argv.slice(2));
if (typeof options === 'string') {
  reporter.error({ code: 'USAGE', message: options, hint: USAGE });
  process.exit(EXIT.usage);
}
if (options.help) {
  reporter.line(USAGE);
  process.exit(EXIT.ok);
}
reporter.info(`Starting the twin and the plain Prism CLI; then ${options.rounds} alternating rounds of ${options.durationSec} s each, ${options.connections} connections, ${options.operation}.`);
const result = await runBench({ ...options, progress: (line) => reporter.info(line) });
if (!result.ok) {
  reporter.error(result.error);
  process.exit(EXIT.unreachable);
}
const setup = `${options.operation}, ${options.connections} connections, ${options.rounds} x ${options.durationSec} s per server, node ${process.version}, ${availableParallelism()} cores`;
for (const line of formatBench(result.value.twin, result.value.prism, setup)) reporter.line(line);
process.exit(EXIT.ok);
