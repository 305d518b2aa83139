// Options of `npm run mock`: flags win over WUPEX_MOCK_* environment variables; every invalid value is a Result error listing what is valid.
import { parseFlags } from '../src/cli/flags.ts';
import { err, kitError, ok, type Result } from '../src/core/result.ts';
import { parseMockKeys } from './accounts.ts';
import { DEMO_ACCOUNTS, type MockAccount } from './demo-accounts.ts';

export interface MockCliOptions {
  port: number;
  host: string;
  faultRate: number;
  rateLimit: number;
  latencyMs: number;
  /** Unset: a fresh seed per start (order names and serials unique across restarts); set: reproducible. */
  seed: number | undefined;
  /** A scenario file applied at start and after every reset. */
  scenario: string | undefined;
  /** The spec to serve (default the kit's openapi/wupex.yaml). */
  spec: string | undefined;
  /** The decisions profile (default the kit's openapi/decisions.yaml). */
  decisions: string | undefined;
  /** Reload spec, examples, fixtures and scenario on change. */
  watch: boolean;
  accounts: MockAccount[];
  /** True when the accounts are the built-in demo accounts (their keys are public, printable). */
  demoAccounts: boolean;
  validateResponses: boolean;
  /** A .har recording whose listProducts answers become the catalogue (--catalogue PATH.har). */
  catalogue?: string;
  help: boolean;
}

interface NumberSpec {
  flag: string;
  env: string;
  min: number;
  max: number;
  integer: boolean;
  fallback: number;
}

/** Every numeric option: flag name, environment variable, valid range. */
export const NUMERIC_OPTIONS = {
  port: { flag: 'port', env: 'WUPEX_MOCK_PORT', min: 0, max: 65535, integer: true, fallback: 4010 },
  faultRate: { flag: 'fault-rate', env: 'WUPEX_MOCK_FAULT_RATE', min: 0, max: 1, integer: false, fallback: 0 },
  rateLimit: { flag: 'rate-limit', env: 'WUPEX_MOCK_RATE_LIMIT', min: 0, max: 1_000_000, integer: true, fallback: 0 },
  latencyMs: { flag: 'latency', env: 'WUPEX_MOCK_LATENCY_MS', min: 0, max: 60_000, integer: true, fallback: 0 },
  seed: { flag: 'seed', env: 'WUPEX_MOCK_SEED', min: 0, max: 4_294_967_295, integer: true, fallback: 1 },
} as const satisfies Record<string, NumberSpec>;

export const MOCK_USAGE = `Usage: npm run mock -- [flags]

Flags (each also settable by its environment variable; the flag wins):
  --port N          port to listen on, 0..65535 (default 4010)           WUPEX_MOCK_PORT
  --host H          host to bind (default 127.0.0.1)                     WUPEX_MOCK_HOST
  --fault-rate R    share 0..1 of requests answered 429 or 503           WUPEX_MOCK_FAULT_RATE
  --rate-limit N    requests per second per key, 0 = off                 WUPEX_MOCK_RATE_LIMIT
  --latency MS      delay every answer by MS milliseconds, 0..60000     WUPEX_MOCK_LATENCY_MS
  --seed N          seed of serials, order names and faults (default: new per start) WUPEX_MOCK_SEED
  --scenario FILE   apply a scenario (mocks/scenarios/*.json) at start and after every reset  WUPEX_MOCK_SCENARIO
  --watch           reload the spec, examples, fixtures and scenario on change (same port)
  --spec FILE       serve another copy of the spec (default openapi/wupex.yaml)   WUPEX_MOCK_SPEC
  --decisions FILE  answer by another decisions profile (default openapi/decisions.yaml)   WUPEX_MOCK_DECISIONS
  --validate-responses   check every answer against the spec, log violations WUPEX_MOCK_VALIDATE_RESPONSES=1
  --catalogue PATH.har   the catalogue (and balance) from recorded answers  WUPEX_MOCK_CATALOGUE
  --help            this text
Keys: WUPEX_MOCK_KEYS='key' or 'key:MERCHANTCODE', comma-separated (default: the demo accounts).`;

function usage(message: string): Result<never> {
  return err(kitError('USAGE', message, { hint: MOCK_USAGE }));
}

function readNumber(spec: NumberSpec, flagValue: string | undefined, env: Record<string, string | undefined>): Result<number> {
  const raw = flagValue ?? env[spec.env];
  if (raw === undefined || raw === '') return ok(spec.fallback);
  const source = flagValue !== undefined ? `--${spec.flag}` : spec.env;
  const value = Number(raw);
  const kind = spec.integer ? 'an integer' : 'a number';
  if (raw.trim() === '' || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value)) || value < spec.min || value > spec.max) {
    return usage(`${source} must be ${kind} from ${spec.min} to ${spec.max}; received '${raw}'.`);
  }
  return ok(value);
}

const STRING_FLAG = { type: 'string' } as const;
const BOOLEAN_FLAG = { type: 'boolean' } as const;
const FLAGS = {
  port: STRING_FLAG, host: STRING_FLAG, 'fault-rate': STRING_FLAG, 'rate-limit': STRING_FLAG, latency: STRING_FLAG, seed: STRING_FLAG,
  scenario: STRING_FLAG, spec: STRING_FLAG, decisions: STRING_FLAG, catalogue: STRING_FLAG, watch: BOOLEAN_FLAG, 'validate-responses': BOOLEAN_FLAG, help: BOOLEAN_FLAG,
} as const;

/** Normalise flags and environment once, at the edge. */
export function parseMockCliOptions(argv: string[], env: Record<string, string | undefined>): Result<MockCliOptions> {
  const parsed = parseFlags(argv, FLAGS);
  // The full usage (flags with their variables) helps more here than the bare flag list.
  if (!parsed.ok) return usage(parsed.error.message);
  const flags: Record<string, string | boolean | undefined> = parsed.value;
  const numbers: Partial<Record<keyof typeof NUMERIC_OPTIONS, number>> = {};
  for (const [name, spec] of Object.entries(NUMERIC_OPTIONS) as Array<[keyof typeof NUMERIC_OPTIONS, NumberSpec]>) {
    const value = readNumber(spec, flags[spec.flag] as string | undefined, env);
    if (!value.ok) return value;
    numbers[name] = value.value;
  }
  const host = (flags.host as string | undefined) ?? env.WUPEX_MOCK_HOST ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) return usage(`--host must be a host name or IP address; received '${host}'.`);
  const keys = env.WUPEX_MOCK_KEYS;
  const accounts = keys === undefined || keys === '' ? ok([...DEMO_ACCOUNTS]) : parseMockKeys(keys);
  if (!accounts.ok) return accounts;
  return ok({
    ...(numbers as Required<typeof numbers>),
    seed: flags.seed === undefined && !env.WUPEX_MOCK_SEED ? undefined : numbers.seed,
    scenario: (flags.scenario as string | undefined) ?? (env.WUPEX_MOCK_SCENARIO || undefined),
    spec: (flags.spec as string | undefined) ?? (env.WUPEX_MOCK_SPEC || undefined),
    decisions: (flags.decisions as string | undefined) ?? (env.WUPEX_MOCK_DECISIONS || undefined),
    watch: flags.watch === true,
    host,
    accounts: accounts.value,
    demoAccounts: keys === undefined || keys === '',
    validateResponses: flags['validate-responses'] === true || env.WUPEX_MOCK_VALIDATE_RESPONSES === '1',
    catalogue: (flags.catalogue as string | undefined) ?? (env.WUPEX_MOCK_CATALOGUE || undefined),
    help: flags.help === true,
  });
}

/** The URL to print: a wildcard bind (0.0.0.0, ::) is no address a client can call (the kit's client refuses it), so show loopback. */
export function displayUrl(host: string, address: { url: string; port: number }): string {
  return ['0.0.0.0', '::', '[::]'].includes(host) ? `http://127.0.0.1:${address.port}` : address.url;
}

/** A bad scenario points at the scenario shape, bad decisions at their file, a bad spec at lint:spec: never the other's advice. */
export function startFailedHint(message: string): string {
  if (/DECISIONS_(INVALID|TOO_LARGE|UNREADABLE)/.test(message)) return 'Fix the decisions entry named (openapi/decisions.yaml lists every entry and its allowed values), or drop --decisions.';
  return message.includes('SCENARIO_INVALID')
    ? 'Fix the scenario file named (its shape: mocks/scenarios/*.json, fields description, accounts, products, faults), or drop --scenario.'
    : 'Fix the spec file named (npm run lint:spec checks it), or drop --spec.';
}
