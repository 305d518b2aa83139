// The example command as a function (argv + io in, exit code out), so tests run it in-process; scripts/example.ts is its entry.
import { TWIN_URL } from '../http/base-url.ts';
import { newReferenceId, resolveMerchantCode, runExampleFlow } from './example-flow.ts';
import { createWupexClient } from './wupex-client.ts';
import { EXIT, createReporter, parseFlags, type Reporter, type CommandIo } from '../cli/flags.ts';
import { keyOrigin, loadKitEnv, type KitEnv } from '../cli/env.ts';
import { LIMIT_FLAG_OPTIONS, LIMIT_FLAGS_HELP, parseLimitFlags } from '../http/limit-flags.ts';
import { TRANSPORT_ERROR_CODES } from '../http/outbound.ts';
import { isProductionUrl } from '../http/url-rules.ts';
import { kitError } from '../core/result.ts';

const HELP = `Usage: npm run example [-- --timeout MS --deadline MS --max-response-bytes N]
Lists products, orders one code of the cheapest enabled in-stock product with a fresh referenceId,
reads the order back and prints the balance. Target: WUPEX_BASE_URL (default the twin, http://127.0.0.1:4010,
started with \`npm run mock\`); key: WUPEX_API_KEY (default the twin's demo key); merchant: WUPEX_MERCHANT_CODE.
It places a real order on the sandbox, and refuses to run against production.

${LIMIT_FLAGS_HELP}

Exit codes: 0 done, 1 the server answered wrongly, 2 usage or configuration error, 3 unreachable, timed out or too large.`;

/** The example buys codes: never in production (project rule), whatever the key. */
function refuseProduction(env: KitEnv, reporter: Reporter): boolean {
  const baseUrl = env.WUPEX_BASE_URL ?? TWIN_URL;
  // The normalised host (url-rules.ts): service.wupex.com., %2E and upper-case spellings are production too.
  const production = (URL.canParse(baseUrl) && isProductionUrl(new URL(baseUrl))) || env.KIT_TARGET === 'production';
  if (!production) return false;
  reporter.error(kitError('PRODUCTION_REFUSED', `npm run example places an order, and ${baseUrl} (KIT_TARGET=${env.KIT_TARGET ?? 'unset'}) is production.`, {
    hint: 'Point WUPEX_BASE_URL at https://sandbox-service.wupex.com with a sandbox key, or unset it to use the twin.',
  }));
  return true;
}

/** The whole example command; returns the exit code (0/1/2/3). */
export async function exampleMain(argv: string[], io: CommandIo): Promise<number> {
  const env = loadKitEnv(io.env, io.cwd);
  const reporter = createReporter({ secrets: [env.WUPEX_API_KEY], out: io.out, err: io.err });
  const flags = parseFlags(argv, { help: { type: 'boolean' }, ...LIMIT_FLAG_OPTIONS });
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  if (flags.value.help) return (reporter.line(HELP), EXIT.ok);
  const limits = parseLimitFlags(flags.value);
  if (!limits.ok) return (reporter.error(limits.error), EXIT.usage);
  const onRetry = (e: { status: number; method: string; url: string; retry: number; maxRetries: number; waitMs: number }) =>
    reporter.info(`${e.status} on ${e.method} ${e.url}; retry ${e.retry}/${e.maxRetries} in ${e.waitMs} ms (S11)`);
  if (refuseProduction(env, reporter)) return EXIT.usage;
  const { timeoutMs: headersTimeoutMs, deadlineMs, maxResponseBytes } = limits.value;
  const built = createWupexClient({ env, onRetry, headersTimeoutMs, deadlineMs, maxResponseBytes });
  if (!built.ok) return (reporter.error(built.error), EXIT.usage);
  const client = built.value;
  const merchant = resolveMerchantCode(env, client.keyFingerprint, keyOrigin(io.env, io.cwd));
  if (!merchant.ok) return (reporter.error(merchant.error), EXIT.usage);

  reporter.line(`Target ${client.baseUrl}, key ${client.keyFingerprint} (${client.keySource}), merchant ${merchant.value}`);
  const result = await runExampleFlow({ client, merchantCode: merchant.value, referenceId: newReferenceId(), say: reporter.line });
  if (result.ok) {
    reporter.line(`Done: order ${result.value.orderName} (${result.value.codes} code(s)); running it again places a new order.`);
    return EXIT.ok;
  }
  reporter.error(result.error);
  return TRANSPORT_ERROR_CODES.includes(result.error.code) ? EXIT.unreachable : EXIT.findings;
}
