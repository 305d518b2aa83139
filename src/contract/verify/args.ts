// Flags of `npm run verify`, parsed and validated once; the key is never a flag.
import { integerFlag, parseFlags } from '../../cli/flags.ts';
import { LIMIT_FLAG_OPTIONS, LIMIT_FLAGS_HELP, parseLimitFlags, type LimitFlags } from '../../http/limit-flags.ts';
import { err, kitError, ok, type Result } from '../../core/result.ts';

export interface VerifyArgs {
  target?: string;
  baseUrl?: string;
  allowOrders: boolean;
  junit?: string;
  /** --report json=PATH: findings with their basis, for machines. */
  json?: string;
  seed: number;
  runs: number;
  checks?: string[];
  /** Milliseconds to wait for a loopback --base-url port to open. */
  waitMs: number;
  /** Record every exchange into one masked .har file in this folder. */
  record?: string;
  /** --decisions FILE: hold the target to another decisions profile (issue 16); default openapi/decisions.yaml. */
  decisions?: string;
  /** --spec FILE: hold the target to another copy of the spec (an adopted one); default openapi/wupex.yaml. */
  spec?: string;
  /** --propose FILE: write what the target decided differently, with its evidence, for `npm run adopt`. */
  propose?: string;
  help: boolean;
  /** Per-request limits of the outbound path (--timeout, --deadline, --max-response-bytes). */
  limits: LimitFlags;
}

export const VERIFY_DEFAULTS = { seed: 1, runs: 10, waitMs: 5000 } as const;

export const HELP = `Usage: npm run verify -- [options]

  --target mock|prism|sandbox|production   what to verify (default: mock, the in-process twin)
  --base-url URL        any server (https, or http to loopback only); held to the sandbox's standard
  --allow-orders        let order checks place orders on the sandbox / a non-loopback base URL
  --report junit=PATH   also write a JUnit XML report (redacted); repeatable
  --report json=PATH    also write a JSON report: findings with severity, basis and a curl line (redacted)
  --seed N              seed of the generated requests (default ${VERIFY_DEFAULTS.seed})
  --runs N              generated requests per operation (default ${VERIFY_DEFAULTS.runs})
  --check ID            run only this check and the requests it needs (repeatable)
${LIMIT_FLAGS_HELP}
  --wait MS             wait up to MS for a loopback --base-url port to open (default ${VERIFY_DEFAULTS.waitMs})
  --record DIR          also write every exchange to one masked .har file in DIR (npm run replay reads it)
  --decisions FILE      expect this decisions profile (statuses, codes, paging, referenceId...) instead of
                        openapi/decisions.yaml; the in-process twin follows it too
  --spec FILE           the spec to hold the target to (default openapi/wupex.yaml)
  --propose FILE        also write a proposal: each decided point where the target differed, with evidence,
                        and undocumented response fields (review it, then npm run adopt -- FILE)

The key comes from WUPEX_API_KEY (environment or .env), never from an argument; WUPEX_API_KEY_2 (another
account on the same environment) enables isolation.other-account.
Exit codes: 0 no failure, 1 a check failed, 2 usage or configuration error (or the key was rejected),
3 target unreachable, timed out or too large, or a check could not be judged (UNAVAILABLE).`;

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
    target: { type: 'string' }, 'base-url': { type: 'string' }, 'allow-orders': { type: 'boolean' }, report: { type: 'string', multiple: true },
    seed: { type: 'string' }, runs: { type: 'string' }, check: { type: 'string', multiple: true }, wait: { type: 'string' }, record: { type: 'string' }, decisions: { type: 'string' }, propose: { type: 'string' }, spec: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    ...LIMIT_FLAG_OPTIONS,
  });
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const seed = integerFlag('seed', v.seed, { min: 0, max: 2 ** 32 - 1, fallback: VERIFY_DEFAULTS.seed });
  if (!seed.ok) return seed;
  const runs = integerFlag('runs', v.runs, { min: 1, max: 1000, fallback: VERIFY_DEFAULTS.runs });
  if (!runs.ok) return runs;
  const wait = integerFlag('wait', v.wait, { min: 0, max: 60_000, fallback: VERIFY_DEFAULTS.waitMs });
  if (!wait.ok) return wait;
  const limits = parseLimitFlags(v);
  if (!limits.ok) return limits;
  const reports = v.report ?? [];
  const bad = reports.find((r) => !/^(junit|json)=.+/.test(r));
  if (bad !== undefined) return usage(`--report "${bad}" is not supported.`, 'Valid forms: --report junit=PATH, --report json=PATH.');
  const reportPath = (kind: string) => reports.find((r) => r.startsWith(`${kind}=`))?.slice(kind.length + 1);
  const unknown = (v.check ?? []).find((id) => !validChecks.includes(id));
  if (unknown) return usage(`Unknown --check "${unknown}".`, `Valid values: ${validChecks.join(', ')}.`);
  const paths = { junit: reportPath('junit'), json: reportPath('json') };
  return ok({ target: v.target, baseUrl: v['base-url'], allowOrders: v['allow-orders'] ?? false, ...paths, seed: seed.value, runs: runs.value, checks: v.check, waitMs: wait.value, record: v.record, decisions: v.decisions, propose: v.propose, spec: v.spec, help: v.help ?? false, limits: limits.value });
}
