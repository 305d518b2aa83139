// `npm run postman`: write the contract-suite collection and its two environments; with --run, run it with Newman (twin or sandbox).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { createMockServer } from '../../mocks/server.ts';
import { loadKitEnv } from '../cli/env.ts';
import { EXIT, parseFlags, type Reporter } from '../cli/flags.ts';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { environmentOf, parseBaseUrl, serverUrlOf } from '../http/base-url.ts';
import { loadSpec, type Document } from '../spec/spec.ts';
import { newmanPassed, runNewman, type NewmanOutcome } from './newman-run.ts';
import { buildPostmanEnvironments, buildPostmanSuite, POSTMAN_SUITE } from './postman-suite.ts';

export const POSTMAN_DEFAULTS = {
  outDir: resolve(PACKAGE_ROOT, 'build/postman'),
  files: { collection: 'wupex.postman_collection.json', twin: 'wupex-twin.postman_environment.json', sandbox: 'wupex-sandbox.postman_environment.json' },
} as const;

export const POSTMAN_HELP = `Usage: npm run postman -- [--out DIR] [--run [--target mock|sandbox] [--allow-orders]]

  (no flag)        write the contract-suite collection and the twin and sandbox environments to build/postman/
                   (every apiKey is empty: set it in Postman as a secret value, never in a file)
  --run            run the suite with Newman: against a twin started in-process (default), or
  --target sandbox against WUPEX_BASE_URL or the spec's sandbox, with WUPEX_API_KEY and WUPEX_MERCHANT_CODE from
                   the environment or .env; the order flow (spends money) only with --allow-orders
Exit codes: 0 every assertion passed, 1 a failure, 2 usage or configuration.`;

const FLAGS = { out: { type: 'string' }, run: { type: 'boolean' }, target: { type: 'string' }, 'allow-orders': { type: 'boolean' }, help: { type: 'boolean' } } as const;

function write(dir: string, doc: Document, reporter: Reporter): void {
  mkdirSync(dir, { recursive: true });
  const envs = buildPostmanEnvironments(doc);
  const files = POSTMAN_DEFAULTS.files;
  writeFileSync(join(dir, files.collection), `${JSON.stringify(buildPostmanSuite(doc), null, 2)}\n`);
  writeFileSync(join(dir, files.twin), `${JSON.stringify(envs.twin, null, 2)}\n`);
  writeFileSync(join(dir, files.sandbox), `${JSON.stringify(envs.sandbox, null, 2)}\n`);
  reporter.info(`Postman contract suite and environments written to ${relative(process.cwd(), dir) || '.'}/. Import them, then set apiKey (a secret) in the environment.`);
}

function report(outcome: NewmanOutcome, where: string, reporter: Reporter): number {
  for (const failure of outcome.failures) reporter.line(`FAIL ${failure}`);
  reporter.line(`Newman against ${where}: ${outcome.requests} requests, ${outcome.assertions.total} assertions (${outcome.expectedAssertions} declared), ${outcome.assertions.failed} failed, ${outcome.scriptErrors} script errors.`);
  return newmanPassed(outcome) ? EXIT.ok : EXIT.findings;
}

async function runOnTwin(doc: Document, reporter: Reporter): Promise<number> {
  const twin = await createMockServer();
  try {
    const { url } = await twin.listen(0, '127.0.0.1');
    const account = DEMO_ACCOUNTS[0]!;
    const outcome = await runNewman({ collection: buildPostmanSuite(doc), environment: buildPostmanEnvironments(doc).twin, values: { baseUrl: url, apiKey: account.key, merchantCode: account.merchantCode } });
    return report(outcome, `the twin (${url})`, reporter);
  } finally {
    await twin.close();
  }
}

async function runOnSandbox(doc: Document, allowOrders: boolean, reporter: Reporter): Promise<number> {
  const env = loadKitEnv();
  const base = parseBaseUrl(env.WUPEX_BASE_URL ?? serverUrlOf('sandbox', doc) ?? '');
  if (!base.ok) return (reporter.error(base.error), EXIT.usage);
  if (!['sandbox', 'local'].includes(environmentOf(base.value, doc))) {
    reporter.error({ code: 'CONFIG_INVALID', message: `The Postman suite runs only against the sandbox or a loopback server; ${base.value.origin} is neither.`, hint: 'Unset WUPEX_BASE_URL (the spec\'s sandbox is used) or point it at the sandbox.' });
    return EXIT.usage;
  }
  if (!env.WUPEX_API_KEY || (allowOrders && !env.WUPEX_MERCHANT_CODE)) {
    reporter.error({ code: 'CONFIG_INVALID', message: `WUPEX_API_KEY${allowOrders ? ' and WUPEX_MERCHANT_CODE are' : ' is'} not set.`, hint: 'Set them in the environment or a git-ignored .env (see .env.example); never as an argument.' });
    return EXIT.usage;
  }
  const values = { baseUrl: base.value.origin, apiKey: env.WUPEX_API_KEY, merchantCode: env.WUPEX_MERCHANT_CODE ?? '' };
  const folders = allowOrders ? undefined : POSTMAN_SUITE.readOnlyFolders;
  if (!allowOrders) reporter.info(`Skipping "${POSTMAN_SUITE.orderFolder}" (it spends money): pass --allow-orders to run it.`);
  const outcome = await runNewman({ collection: buildPostmanSuite(doc), environment: buildPostmanEnvironments(doc).sandbox, values, folders });
  return report(outcome, base.value.origin, reporter);
}

export async function postmanCommand(argv: readonly string[], reporter: Reporter): Promise<number> {
  const flags = parseFlags([...argv], FLAGS);
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  const f = flags.value;
  if (f.help) return (reporter.line(POSTMAN_HELP), EXIT.ok);
  const target = f.target ?? 'mock';
  if (target !== 'mock' && target !== 'sandbox') return (reporter.error({ code: 'USAGE', message: `--target ${target} is not known.`, hint: 'Use --target mock (default) or --target sandbox.' }), EXIT.usage);
  const doc = loadSpec();
  if (!f.run) return (write(f.out ? resolve(f.out) : POSTMAN_DEFAULTS.outDir, doc, reporter), EXIT.ok);
  return target === 'mock' ? runOnTwin(doc, reporter) : runOnSandbox(doc, f['allow-orders'] ?? false, reporter);
}
