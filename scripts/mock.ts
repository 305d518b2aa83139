// `npm run mock`: serves the offline WUPEX twin on a loopback port and logs one line per request (key as fingerprint only).
import { isLoopbackHost } from './client/base-url.ts';
import { batchedOutput } from './lib/batched-output.ts';
import { EXIT, createReporter } from './lib/cli.ts';
import { loadKitEnv } from './lib/env.ts';
import { MOCK_USAGE, parseMockCliOptions } from '../mocks/cli-options.ts';
import { loadRecordedCatalogue } from '../mocks/catalogue-har.ts';
import { createMockServer } from '../mocks/server.ts';
import type { ProductRecord } from '../mocks/store.ts';
import productsFixture from '../mocks/fixtures/products.json' with { type: 'json' };
import { loadSpec } from './lib/spec.ts';

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
const catalogue = config.catalogue ? loadRecordedCatalogue(config.catalogue, loadSpec(), productsFixture as ProductRecord[]) : undefined;
if (catalogue && !catalogue.ok) {
  reporter.error(catalogue.error);
  stdout.flush();
  process.exit(EXIT.usage);
}
for (const line of catalogue?.value.skipped ?? []) reporter.info(line);
if (catalogue) reporter.info(`Catalogue: ${catalogue.value.products.length} products from ${config.catalogue}${catalogue.value.balance ? ', balance and credit too' : ''}.`);
const server = await createMockServer({
  products: catalogue?.value.products,
  balance: catalogue?.value.balance,
  accounts: config.accounts,
  faultRate: config.faultRate,
  rateLimit: config.rateLimit,
  latencyMs: config.latencyMs,
  seed: config.seed,
  log: (line) => reporter.line(line),
  validateResponses: config.validateResponses,
});

let address: { url: string; port: number };
try {
  address = await server.listen(config.port, config.host);
} catch (cause) {
  stdout.flush();
  reporter.error({ code: 'PORT_UNAVAILABLE', message: `Cannot listen on ${config.host}:${config.port} (${cause instanceof Error ? cause.message : String(cause)}).`, hint: 'Pick another with --port N (or WUPEX_MOCK_PORT), or stop what uses it.' });
  process.exit(EXIT.usage);
}

const demo = config.accounts[0];
const keyLine = config.demoAccounts ? `KEY=${demo.key}` : 'KEY=<one of your WUPEX_MOCK_KEYS>';
reporter.info(`WUPEX twin listening on ${address.url} (ready ${Math.round(performance.now())} ms after process start); Ctrl-C stops it.`);
reporter.info(`Accounts: ${config.accounts.map((a) => a.merchantCode).join(', ')}${config.demoAccounts ? ' (demo keys)' : ' (from WUPEX_MOCK_KEYS)'}.`);
if (config.faultRate || config.rateLimit || config.latencyMs) {
  reporter.info(`Faults: fault-rate ${config.faultRate}, rate-limit ${config.rateLimit || 'off'}/s per key, latency ${config.latencyMs} ms.`);
}
if (!isLoopbackHost(config.host)) reporter.info(`Warning: ${config.host} is not loopback; the twin is reachable from other machines.`);
reporter.line(`\nTry it:\n  ${keyLine}\n  curl -s -H "x-api-key: $KEY" -H 'Accept-Language: en-US' ${address.url}/api/customer/balance\n`);
reporter.line(`Admin: POST ${address.url}/__mock/reset, GET ${address.url}/__mock/state\n`);

const stop = (signal: string) => {
  reporter.info(`${signal}: stopping the twin.`);
  void server.close().then(() => {
    stdout.flush();
    process.exit(EXIT.ok);
  });
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
