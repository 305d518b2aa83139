// Flags of `npm run verify`, parsed and validated once; the key is never a flag.
import { parseArgs } from 'node:util';
import { err, kitError, ok, type Result } from '../result.ts';

export interface VerifyArgs {
  target?: string;
  baseUrl?: string;
  allowOrders: boolean;
  junit?: string;
  seed: number;
  runs: number;
  checks?: string[];
  help: boolean;
}

export const VERIFY_DEFAULTS = { seed: 1, runs: 10 } as const;

export const HELP = `Usage: npm run verify -- [options]

  --target mock|prism|sandbox|production   what to verify (default: mock, the in-process twin)
  --base-url URL        any server (https, or http to loopback only); held to the sandbox's standard
  --allow-orders        let order checks place orders on the sandbox / a non-loopback base URL
  --report junit=PATH   also write a JUnit XML report (redacted)
  --seed N              seed of the generated requests (default ${VERIFY_DEFAULTS.seed})
  --runs N              generated requests per operation (default ${VERIFY_DEFAULTS.runs})
  --check ID            only report this check (repeatable)

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

function integer(name: string, raw: string | undefined, fallback: number, min: number): Result<number> {
  if (raw === undefined) return ok(fallback);
  const n = Number(raw);
  return Number.isInteger(n) && n >= min ? ok(n) : usage(`--${name} "${raw}" is not an integer >= ${min}.`, `Pass e.g. --${name} ${fallback}.`);
}

export function parseVerifyArgs(argv: readonly string[], validChecks: readonly string[]): Result<VerifyArgs> {
  if (argv.some((a) => KEY_FLAGS.test(a))) {
    return usage('The API key is never passed as an argument.', 'Set WUPEX_API_KEY in the environment (or in .env, which git ignores) and run again without --api-key/--key.');
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: {
      target: { type: 'string' }, 'base-url': { type: 'string' }, 'allow-orders': { type: 'boolean' }, report: { type: 'string' },
      seed: { type: 'string' }, runs: { type: 'string' }, check: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (cause) {
    return usage(`${(cause as Error).message}.`, 'Run `npm run verify -- --help` for the flags.');
  }
  const v = parsed.values;
  const seed = integer('seed', v.seed, VERIFY_DEFAULTS.seed, 0);
  if (!seed.ok) return seed;
  const runs = integer('runs', v.runs, VERIFY_DEFAULTS.runs, 1);
  if (!runs.ok) return runs;
  if (v.report !== undefined && !/^junit=.+/.test(v.report)) return usage(`--report "${v.report}" is not supported.`, 'Valid form: --report junit=PATH.');
  const unknown = (v.check ?? []).find((id) => !validChecks.includes(id));
  if (unknown) return usage(`Unknown --check "${unknown}".`, `Valid values: ${validChecks.join(', ')}.`);
  return ok({ target: v.target, baseUrl: v['base-url'], allowOrders: v['allow-orders'] ?? false, junit: v.report?.slice('junit='.length), seed: seed.value, runs: runs.value, checks: v.check, help: v.help ?? false });
}
