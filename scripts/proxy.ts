// npm run proxy: a validating reverse proxy for your own app (validates both ways, adds x-wupex-violations, records masked HAR).
import { batchedOutput } from '../src/cli/batched-output.ts';
import { createReporter, EXIT, optionsOrExit } from '../src/cli/flags.ts';
import { loadKitEnv } from '../src/cli/env.ts';
import { parseProxyArgs, PROXY_HELP } from '../src/proxy/args.ts';
import { createProxy } from '../src/proxy/proxy-server.ts';
import { watchParents } from '../src/process/parent-watch.ts';

const env = loadKitEnv();
const reporter = createReporter({ secrets: [env.WUPEX_API_KEY] });
// Per-request lines go through a second reporter (same secrets) whose writes are batched per event-loop turn.
const stderr = batchedOutput(process.stderr);
const requestLog = createReporter({ secrets: [env.WUPEX_API_KEY], err: stderr.write });
const args = optionsOrExit(parseProxyArgs(process.argv.slice(2)), reporter, PROXY_HELP);

const built = await createProxy({
  upstream: args.upstream,
  enforce: args.enforce,
  record: args.record ? { dir: args.record, secrets: env.WUPEX_API_KEY ? [env.WUPEX_API_KEY] : [], flushMs: args.recordFlushMs, onWriteError: (error) => reporter.error(error) } : undefined,
  log: (line) => requestLog.info(line),
  twin: { seed: args.seed },
});
if (!built.ok) {
  reporter.error(built.error);
  process.exit(EXIT.usage);
}
const proxy = built.value;
let address: { url: string; port: number };
try {
  address = await proxy.listen(args.port, args.host);
} catch (cause) {
  reporter.error({ code: 'PORT_UNAVAILABLE', message: `Cannot listen on ${args.host}:${args.port} (${(cause as Error).message}).`, hint: 'Pick another with --port N, or stop what uses it.' });
  await proxy.close();
  process.exit(EXIT.usage);
}
const upstreamShown = args.upstream === 'mock' ? `the twin, in-process on a thread of its own (recorded as ${proxy.upstream.url})` : proxy.upstream.url;
reporter.info(`WUPEX proxy listening on ${address.url} -> ${upstreamShown}${args.enforce ? ', --enforce' : ''}; Ctrl-C stops it.`);
reporter.line(`Point your app at it: WUPEX_BASE_URL=${address.url}`);
if (proxy.recordingPath) reporter.info(`Recording to ${proxy.recordingPath} (rewritten whole within ${args.recordFlushMs} ms of each request, and on stop).`);

const stop = (signal: string) => {
  stderr.flush();
  reporter.info(`${signal}: stopping the proxy.`);
  void proxy.close().then((summary) => {
    if (!summary.ok) reporter.error(summary.error);
    else for (const line of summary.value) reporter.line(line);
    process.exit(summary.ok ? EXIT.ok : EXIT.findings);
  });
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
// Killing `npm run proxy`'s npm (or npx) leaves this one orphaned: leave with it, writing the recording, instead of holding the port.
watchParents(stop);
