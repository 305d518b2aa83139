// `npm run mock:prism`: the plain Stoplight Prism CLI on the same spec, for comparison with the twin (port 4010 unless --port).
import { EXIT, createReporter, integerFlag, optionsOrExit, parseFlags } from '../src/cli/flags.ts';
import { ok, type Result } from '../src/core/result.ts';
import { portAvailable, startPrismCli, type PrismCli } from '../src/process/prism-cli.ts';
import { watchParents } from '../src/process/parent-watch.ts';

const USAGE = 'Usage: npm run mock:prism -- [--port N] [--host H] [--help]   (defaults: 4010, 127.0.0.1)';
const reporter = createReporter({ secrets: [process.env.WUPEX_API_KEY] });

function parse(argv: string[]): Result<{ port: number; host: string; help: boolean }> {
  const flags = parseFlags(argv, { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } });
  if (!flags.ok) return flags;
  const port = integerFlag('port', flags.value.port, { min: 1, max: 65535, fallback: 4010 });
  if (!port.ok) return port;
  return ok({ port: port.value, host: flags.value.host ?? '127.0.0.1', help: flags.value.help === true });
}

const options = optionsOrExit(parse(process.argv.slice(2)), reporter, USAGE);
// Killing `npm run mock:prism`'s npm would orphan this process (and Prism, holding the port): leave with it. The ancestors to
// watch are read now, before Prism starts: once npm is gone its children are re-parented and the chain no longer leads to it.
let prism: PrismCli | undefined;
let leaving = false;
const stop = () => {
  leaving = true;
  if (prism) void prism.close().then(() => process.exit(EXIT.ok));
};
watchParents(stop);
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
process.once('SIGHUP', stop);
const free = await portAvailable(options.host, options.port);
if (!free.ok) {
  reporter.error(free.error);
  process.exit(EXIT.usage);
}
const started = await startPrismCli({ port: options.port, host: options.host });
if (!started.ok) {
  reporter.error(started.error);
  process.exit(started.error.code === 'PRISM_MISSING' ? EXIT.usage : EXIT.unreachable);
}
prism = started.value;
if (leaving) stop();
else {
  reporter.info(`Plain Prism CLI mocking openapi/wupex.yaml on ${prism.url} (ready in ${prism.startupMs} ms); Ctrl-C stops it.`);
  reporter.info('Stateless: any non-empty x-api-key passes, answers come from the spec examples. For state, keys and faults use `npm run mock`.');
}
