// What every script shares: exit codes, flag parsing, and the one reporter (a fixed prefix, redaction of every secret it knows).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createSanitiser } from '../secrets/redact.ts';
import { commandStyle, forUser, type CommandStyle } from './commands.ts';
import { err, kitError, ok, type KitError, type Result } from '../core/result.ts';

/** Exit codes shared by every script. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreachable: 3 } as const;

export const PREFIX = '[wupex-kit]';

export interface Reporter {
  /** A plain line to stdout (results, tables). */
  line(text: string): void;
  /** A prefixed informational line to stderr. */
  info(text: string): void;
  /** A prefixed error with its hint, to stderr. */
  error(error: KitError): void;
  /** The sanitiser in use (redact, then strip control characters), for writers of files (reports) that must do the same. */
  redact(text: string): string;
  /** A status that overwrites itself on a terminal (stderr is a TTY), and is not written otherwise; '' clears it. */
  progress(text: string): void;
  /** Secrets met while running (keys found in recordings read): redacted from every later line and file too. */
  addSecrets(secrets: readonly string[]): void;
}

export interface ReporterOptions {
  secrets: ReadonlyArray<string | undefined>;
  out?: (text: string) => void;
  err?: (text: string) => void;
  /** Whether stderr is a terminal (progress lines are shown only there); default process.stderr.isTTY. */
  tty?: boolean;
  /** Which commands hints name: `npm run X` (the repo) or `npx wupex-X` (a consumer); default from how the process started. */
  commands?: CommandStyle;
}

/** Where a command's main function reads its environment and writes; a script's entry passes the process's own, tests capture. */
export interface CommandIo extends Omit<ReporterOptions, 'secrets'> {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Build the reporter once per process, with every secret the process holds; nothing it writes can carry one or a terminal escape. */
export function createReporter(options: ReporterOptions): Reporter {
  let secrets = [...options.secrets];
  let sanitise = createSanitiser(secrets);
  const style = options.commands ?? commandStyle();
  const redact = (text: string) => sanitise(text);
  const user = (text: string) => forUser(redact(text), style);
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(t));
  return {
    line: (text) => out(`${user(text)}\n`),
    info: (text) => err(`${PREFIX} ${user(text)}\n`),
    // A message that already carries "[wupex-kit] CODE: " (errors built for other outputs too) is not prefixed twice.
    error: (e) => err(`${PREFIX} ${user(`${e.code}: ${e.message.startsWith(`${PREFIX} ${e.code}: `) ? e.message.slice(PREFIX.length + e.code.length + 3) : e.message}${e.hint ? `\n  ${e.hint}` : ''}`)}\n`),
    redact,
    progress: (text) => {
      if (options.tty ?? process.stderr.isTTY) err(text ? `\r${PREFIX} ${redact(text)}\x1b[K` : '\r\x1b[K');
    },
    addSecrets: (more) => {
      const fresh = more.filter((s) => s && !secrets.includes(s));
      if (fresh.length === 0) return;
      secrets = [...secrets, ...fresh];
      sanitise = createSanitiser(secrets);
    },
  };
}

type FlagOptions = NonNullable<ParseArgsConfig['options']>;
/** The parsed values of `options`, typed as node:util's parseArgs types them. */
export type FlagValues<O extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>>['values'];

/** "--out <value>, --help": the valid flags, derived from the options so the list cannot go stale. */
export function describeFlags(options: FlagOptions): string {
  return Object.entries(options)
    .map(([name, option]) => (option.type === 'string' ? `--${name} <value>` : `--${name}`))
    .join(', ');
}

/**
 * Every script's flags: node:util parseArgs, strict, flags only. A bad flag is a USAGE error listing the
 * valid ones; a stray argument is never echoed, since it could be a pasted key.
 */
export function parseFlags<O extends FlagOptions>(argv: readonly string[], options: O): Result<FlagValues<O>> {
  try {
    return ok(parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values);
  } catch (cause) {
    const positional = (cause as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL';
    const message = positional ? 'Unexpected argument (value not shown); this command takes flags only' : (cause as Error).message;
    return err(kitError('USAGE', message, { hint: `Valid flags: ${describeFlags(options)}.` }));
  }
}

/** A whole-number flag within [min, max]; absent means `fallback`. */
export function integerFlag(name: string, raw: string | undefined, range: { min: number; max: number; fallback: number }): Result<number> {
  if (raw === undefined) return ok(range.fallback);
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isInteger(value) && value >= range.min && value <= range.max) return ok(value);
  return err(kitError('USAGE', `--${name} must be an integer from ${range.min} to ${range.max}; received '${raw}'.`, { hint: `For example --${name} ${range.fallback}.` }));
}

/**
 * The start of a long-running command: a usage error exits 2, `--help` prints `help` and exits 0,
 * otherwise the options come back. (Commands that return an exit code from main() need not use it.)
 */
export function optionsOrExit<T extends { help: boolean }>(parsed: Result<T>, reporter: Reporter, help: string): T {
  if (!parsed.ok) {
    reporter.error(parsed.error);
    process.exit(EXIT.usage);
  }
  if (parsed.value.help) {
    reporter.line(help);
    process.exit(EXIT.ok);
  }
  return parsed.value;
}
