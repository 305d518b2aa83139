// `npm run mock:prism`: the plain Stoplight Prism CLI on the same spec, for comparison with the twin (port 4010 unless --port).
import { parseArgs } from 'node:util';
import { EXIT, createReporter } from './lib/cli.ts';
import { startPrismCli } from './lib/prism-cli.ts';

const USAGE = 'Usage: npm run mock:prism -- [--port N] [--host H] [--help]   (defaults: 4010, 127.0.0.1)';
const reporter = createReporter({ secrets: [process.env.WUPEX_API_KEY] });

function parse(argv: string[]): { port: number; host: string; help: boolean } | string {
  try {
    const { values } = parseArgs({ args: argv, strict: true, options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } } });
    const port = Number(values.port ?? 4010);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return `--port must be an integer from 1 to 65535; received '${values.port}'.`;
    return { port, host: values.host ?? '127.0.0.1', help: values.help === true };
  } catch (cause) {
    return `${cause instanceof Error ? cause.message : String(cause)}. Valid flags: --port, --host, --help.`;
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
const prism = await startPrismCli({ port: options.port, host: options.host });
if (!prism.ok) {
  reporter.error(prism.error);
  process.exit(EXIT.unreachable);
}
reporter.info(`Plain Prism CLI mocking openapi/wupex.yaml on ${prism.value.url} (ready in ${prism.value.startupMs} ms); Ctrl-C stops it.`);
reporter.info('Stateless: any non-empty x-api-key passes, answers come from the spec examples. For state, keys and faults use `npm run mock`.');
const stop = () => void prism.value.close().then(() => process.exit(EXIT.ok));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
