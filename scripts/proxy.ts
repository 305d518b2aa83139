// npm run proxy: a validating reverse proxy for your own app (validates both ways, adds x-wupex-violations, records masked HAR).
import { batchedOutput } from '../src/cli/batched-output.ts';
import { createReporter, EXIT, optionsOrExit } from '../src/cli/flags.ts';
import { loadKitEnv } from '../src/cli/env.ts';
import { parseProxyArgs, PROXY_HELP } from '../src/proxy/args.ts';
import { createProxy } from '../src/proxy/proxy-server.ts';
import { watchParents } from '../src/process/parent-watch.ts';
import { isLoopbackHost } from '../src/http/base-url.ts';
import { displayUrl } from '../mocks/cli-options.ts';

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
// A wildcard bind is shown as loopback: the only plain-http URL the kit's client accepts (issue 17 #5).
const shownUrl = displayUrl(args.host, address);
reporter.info(`WUPEX proxy listening on ${shownUrl}${shownUrl === address.url ? '' : ` (bound to ${args.host})`} -> ${upstreamShown}${args.enforce ? ', --enforce' : ''}; Ctrl-C stops it.`);
if (!isLoopbackHost(args.host)) reporter.info(`Warning: ${args.host} is not loopback; the proxy (and the key your app sends through it) is reachable from other machines over plain http.`);
reporter.line(`Point your app at it: WUPEX_BASE_URL=${shownUrl}`);
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
