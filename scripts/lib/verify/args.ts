// Flags of `npm run verify`, parsed and validated once; the key is never a flag.
import { integerFlag, parseFlags } from '../cli.ts';
import { err, kitError, ok, type Result } from '../result.ts';

export interface VerifyArgs {
  target?: string;
  baseUrl?: string;
  allowOrders: boolean;
  junit?: string;
  seed: number;
  runs: number;
  checks?: string[];
  /** Milliseconds to wait for a loopback --base-url port to open. */
  waitMs: number;
  help: boolean;
}

export const VERIFY_DEFAULTS = { seed: 1, runs: 10, waitMs: 5000 } as const;

export const HELP = `Usage: npm run verify -- [options]

  --target mock|prism|sandbox|production   what to verify (default: mock, the in-process twin)
  --base-url URL        any server (https, or http to loopback only); held to the sandbox's standard
  --allow-orders        let order checks place orders on the sandbox / a non-loopback base URL
  --report junit=PATH   also write a JUnit XML report (redacted)
  --seed N              seed of the generated requests (default ${VERIFY_DEFAULTS.seed})
  --runs N              generated requests per operation (default ${VERIFY_DEFAULTS.runs})
  --check ID            only report this check (repeatable)
  --wait MS             wait up to MS for a loopback --base-url port to open (default ${VERIFY_DEFAULTS.waitMs})

The key comes from WUPEX_API_KEY (environment or .env), never from an argument.
Exit codes: 0 no failure, 1 a check failed, 2 usage or configuration error, 3 target unreachable.`;

const KEY_FLAGS = /^--(api-key|key|x-api-key|apikey)(=|$)/i;

/** Values that follow a key-like flag: treated as secrets, so they are redacted from the refusal message. */
export function keyArgumentValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((arg, i) => {
    const match = KEY_FLAGS.exec(arg);
    if (!match) return;
    if (match[2] === '=') out.push(arg.slice(arg.indexOf('=') + 1));
    else if (argv[i + 1]) out.push(argv[i + 1]);
  });
  return out;
}

const usage = (message: string, hint: string) => err(kitError('USAGE', message, { hint }));

export function parseVerifyArgs(argv: readonly string[], validChecks: readonly string[]): Result<VerifyArgs> {
  if (argv.some((a) => KEY_FLAGS.test(a))) {
    return usage('The API key is never passed as an argument.', 'Set WUPEX_API_KEY in the environment (or in .env, which git ignores) and run again without --api-key/--key.');
  }
  const parsed = parseFlags(argv, {
    target: { type: 'string' }, 'base-url': { type: 'string' }, 'allow-orders': { type: 'boolean' }, report: { type: 'string' },
    seed: { type: 'string' }, runs: { type: 'string' }, check: { type: 'string', multiple: true }, wait: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const seed = integerFlag('seed', v.seed, { min: 0, max: 2 ** 32 - 1, fallback: VERIFY_DEFAULTS.seed });
  if (!seed.ok) return seed;
  const runs = integerFlag('runs', v.runs, { min: 1, max: 1000, fallback: VERIFY_DEFAULTS.runs });
  if (!runs.ok) return runs;
  const wait = integerFlag('wait', v.wait, { min: 0, max: 60_000, fallback: VERIFY_DEFAULTS.waitMs });
  if (!wait.ok) return wait;
  if (v.report !== undefined && !/^junit=.+/.test(v.report)) return usage(`--report "${v.report}" is not supported.`, 'Valid form: --report junit=PATH.');
  const unknown = (v.check ?? []).find((id) => !validChecks.includes(id));
  if (unknown) return usage(`Unknown --check "${unknown}".`, `Valid values: ${validChecks.join(', ')}.`);
  return ok({ target: v.target, baseUrl: v['base-url'], allowOrders: v['allow-orders'] ?? false, junit: v.report?.slice('junit='.length), seed: seed.value, runs: runs.value, checks: v.check, waitMs: wait.value, help: v.help ?? false });
}
