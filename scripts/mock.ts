// `npm run mock`: serves the offline WUPEX twin on a loopback port and logs one line per request (key as fingerprint only).
import { isLoopbackHost } from '../src/http/base-url.ts';
import { batchedOutput } from '../src/cli/batched-output.ts';
import { EXIT, createReporter } from '../src/cli/flags.ts';
import { loadKitEnv } from '../src/cli/env.ts';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ADMIN_ROUTES } from '../mocks/admin.ts';
import { displayUrl, MOCK_USAGE, parseMockCliOptions, startFailedHint } from '../mocks/cli-options.ts';
import { createMockServer } from '../mocks/server.ts';
import { watchTwin } from '../mocks/watch.ts';
import { PACKAGE_ROOT } from '../src/core/package-root.ts';
import { watchParents } from '../src/process/parent-watch.ts';
import { loadSpec, SPEC_PATH } from '../src/spec/spec.ts';
import type { ProductRecord } from '../mocks/store.ts';

/** The fixture catalogue, read at run time (not imported), so editing it never makes dist/ look stale to mock-launch. */
const readProducts = () => JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'mocks/fixtures/products.json'), 'utf8')) as ProductRecord[];

const env = loadKitEnv();
const options = parseMockCliOptions(process.argv.slice(2), env);
const secrets = options.ok && !options.value.demoAccounts ? options.value.accounts.map((a) => a.key) : [env.WUPEX_MOCK_KEYS];
const stdout = batchedOutput(process.stdout);
const reporter = createReporter({ secrets: [...secrets, env.WUPEX_API_KEY], out: stdout.write });

if (!options.ok) {
  reporter.error(options.error);
  process.exit(EXIT.usage);
}
if (options.value.help) {
  reporter.line(MOCK_USAGE);
  stdout.flush();
  process.exit(EXIT.ok);
}

const config = options.value;
const specPath = config.spec ? resolve(config.spec) : SPEC_PATH;
const scenarioPath = config.scenario ? resolve(config.scenario) : undefined;
const decisionsPath = config.decisions ? resolve(config.decisions) : undefined;
// Loaded only with --catalogue: it validates products with ajv, which a plain start never needs.
const catalogue = config.catalogue ? (await import('../mocks/catalogue-har.ts')).loadRecordedCatalogue(config.catalogue, loadSpec(specPath), readProducts()) : undefined;
if (catalogue && !catalogue.ok) {
  reporter.error(catalogue.error);
  stdout.flush();
  process.exit(EXIT.usage);
}
for (const line of catalogue?.value.skipped ?? []) reporter.info(line);
if (catalogue) reporter.info(`Catalogue: ${catalogue.value.products.length} products from ${config.catalogue}${catalogue.value.balance ? ', balance and credit too' : ''}.`);
let server;
try {
  server = await createMockServer({
    products: catalogue?.value.products,
    balance: catalogue?.value.balance,
    accounts: config.accounts,
    faultRate: config.faultRate,
    rateLimit: config.rateLimit,
    latencyMs: config.latencyMs,
    seed: config.seed,
    specPath,
    scenario: scenarioPath,
    decisions: decisionsPath,
    log: (line) => reporter.line(line),
    validateResponses: config.validateResponses,
  });
} catch (cause) {
  const message = cause instanceof Error ? cause.message : String(cause);
  reporter.error({ code: 'START_FAILED', message, hint: startFailedHint(message) });
  stdout.flush();
  process.exit(EXIT.usage);
}

let address: { url: string; port: number };
try {
  address = await server.listen(config.port, config.host);
} catch (cause) {
  stdout.flush();
  reporter.error({ code: 'PORT_UNAVAILABLE', message: `Cannot listen on ${config.host}:${config.port} (${cause instanceof Error ? cause.message : String(cause)}).`, hint: 'Pick another with --port N (or WUPEX_MOCK_PORT), or stop what uses it.' });
  process.exit(EXIT.usage);
}

const shownUrl = displayUrl(config.host, address);
const demo = config.accounts[0];
const keyLine = config.demoAccounts ? `KEY=${demo.key}` : 'KEY=<one of your WUPEX_MOCK_KEYS>';
reporter.info(`WUPEX twin listening on ${shownUrl}${shownUrl === address.url ? '' : ` (bound to ${config.host})`} (ready ${Math.round(performance.now())} ms after process start); Ctrl-C stops it.`);
reporter.info(`Accounts: ${config.accounts.map((a) => a.merchantCode).join(', ')}${config.demoAccounts ? ' (demo keys)' : ' (from WUPEX_MOCK_KEYS)'}.`);
reporter.info(`Seed ${server.seed}${config.seed === undefined ? ' (new each start; pass --seed N to repeat a run)' : ''}.${scenarioPath ? ` Scenario: ${scenarioPath}.` : ''}${decisionsPath ? ` Decisions: ${decisionsPath}.` : ''}`);
if (config.faultRate || config.rateLimit || config.latencyMs) {
  reporter.info(`Faults: fault-rate ${config.faultRate}, rate-limit ${config.rateLimit || 'off'}/s per key, latency ${config.latencyMs} ms.`);
}
if (!isLoopbackHost(config.host)) reporter.info(`Warning: ${config.host} is not loopback; the twin is reachable from other machines.`);
reporter.line(`\nTry it:\n  ${keyLine}\n  curl -s -H "x-api-key: $KEY" -H 'Accept-Language: en-US' ${shownUrl}/api/customer/balance\n`);
reporter.line(`Admin (loopback origins only): ${ADMIN_ROUTES.join(', ')} on ${shownUrl}\n`);
if (config.watch) {
  const watched = [dirname(specPath), resolve(PACKAGE_ROOT, 'mocks/fixtures/products.json'), ...(scenarioPath ? [scenarioPath] : []), ...(decisionsPath ? [decisionsPath] : [])];
  watchTwin({ server, paths: watched, log: (line) => reporter.line(line) });
  reporter.info(`Watching ${watched.join(', ')}: a change reloads the twin on the same port.`);
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  reporter.info(`${signal}: stopping the twin.`);
  void server.close().then(() => {
    stdout.flush();
    process.exit(EXIT.ok);
  });
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGHUP', () => stop('SIGHUP'));
// Killing `npm run mock`'s npm process leaves this one orphaned: leave with it instead of holding the port.
watchParents(stop);
