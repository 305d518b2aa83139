// The one reporter every script writes through: a fixed prefix, and redaction of every secret it knows.
import { createRedactor } from './redact.ts';
import type { KitError } from './result.ts';

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
  /** The redactor in use, for writers of files (reports) that must redact the same way. */
  redact(text: string): string;
}

export interface ReporterOptions {
  secrets: ReadonlyArray<string | undefined>;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Build the reporter once per process, with every secret the process holds. */
export function createReporter(options: ReporterOptions): Reporter {
  const redact = createRedactor(options.secrets);
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(t));
  return {
    line: (text) => out(`${redact(text)}\n`),
    info: (text) => err(`${PREFIX} ${redact(text)}\n`),
    error: (e) => err(`${PREFIX} ${redact(`${e.code}: ${e.message}${e.hint ? `\n  ${e.hint}` : ''}`)}\n`),
    redact,
  };
}
