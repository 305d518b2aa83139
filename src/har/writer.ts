// Collects exchanges of one run into ONE masked, schema-validated .har file (proxy --record, verify --record), kept current while it runs.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Exchange } from '../http/exchange.ts';
import { err, kitError, ok, type KitError, type Result } from '../core/result.ts';
import { HAR_CREATOR, toHarEntry, type Har, type HarEntry } from './har.ts';
import { maskEntry } from './mask.ts';
import { createHarValidator } from './validate.ts';

export interface HarWriterOptions {
  dir: string;
  /** "proxy", "verify": the file is `<prefix>-<UTC time>.har` unless `fileName` is given. */
  prefix: string;
  fileName?: string;
  /** Other secrets to blank (the run's own key), besides each entry's own key. */
  secrets?: readonly string[];
  /** Start time of each entry; a fixed clock makes a recording reproducible (npm run gen:recording). */
  clock?: () => Date;
  /** Response headers left out (e.g. `date`, for a reproducible recording). */
  dropResponseHeaders?: readonly string[];
  comment?: string;
  /** Write every duration as 0 (a reproducible recording); default: the measured time. */
  zeroTimings?: boolean;
  /** While running, rewrite the file at most this often (ms) after entries arrive, so a killed run leaves its recording. */
  flushMs?: number;
  /** Told when such a write fails (close() returns its own result); e.g. the proxy prints it, so a bad --record DIR shows at once. */
  onWriteError?: (error: KitError) => void;
}

export const HAR_WRITER_DEFAULTS = { flushMs: 1000 } as const;

export interface HarWriter {
  readonly path: string;
  add(exchange: Exchange, extra?: Pick<HarEntry, '_violations'>): void;
  count(): number;
  /** Validate and write the file (also when empty, so a run always leaves its recording); the path, or why not. */
  close(): Result<string>;
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Best effort: a temporary file left by a failed write (there may be none, or no folder to hold one). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing of it was written
  }
}

/** Validate, then write to a temporary file renamed over `path`: whatever is on disk at any moment is a whole, valid HAR. */
function writeHar(har: Har, path: string, validate: ReturnType<typeof createHarValidator>): Result<string> {
  const valid = validate(har, path);
  if (!valid.ok) return valid;
  // Exclusive (O_CREAT|O_EXCL never follows a planted symlink) and unpredictable: nobody can aim this write elsewhere.
  const temp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(har, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    renameSync(temp, path);
    return ok(path);
  } catch (cause) {
    removeQuietly(temp);
    return err(kitError('RECORDING_NOT_WRITTEN', `Could not write the recording ${path}: ${(cause as Error).message}.`, { hint: 'Check that --record DIR is a writable folder.', cause }));
  }
}

/** One writer per run; the file is rewritten whole at most every `flushMs` while entries arrive, and on close. */
export function createHarWriter(options: HarWriterOptions): HarWriter {
  const clock = options.clock ?? (() => new Date());
  // Unique per writer, not per second: two proxies (or a proxy and verify) recording into one folder keep all their exchanges.
  const path = join(options.dir, options.fileName ?? `${options.prefix}-${stamp(new Date())}-${randomBytes(4).toString('hex')}.har`);
  const drop = new Set((options.dropResponseHeaders ?? []).map((h) => h.toLowerCase()));
  const entries: HarEntry[] = [];
  const validate = createHarValidator();
  const write = () => writeHar({ log: { version: '1.2', creator: { ...HAR_CREATOR }, entries, ...(options.comment ? { comment: options.comment } : {}) } }, path, validate);
  // Off the request path: one timer per burst of entries; a failed write goes to onWriteError, the next write retries it.
  // Each write redoes the whole file, so the wait grows with what the last one cost: writing stays under ~5% of the time.
  let pending: NodeJS.Timeout | undefined;
  let lastWriteMs = 0;
  const flush = () => {
    pending = undefined;
    const started = performance.now();
    const written = write();
    lastWriteMs = performance.now() - started;
    if (!written.ok) options.onWriteError?.(written.error);
  };
  return {
    path,
    add(exchange, extra = {}) {
      const timed = options.zeroTimings ? { ...exchange, durationMs: 0 } : exchange;
      const entry = maskEntry(toHarEntry(timed, clock()), options.secrets ?? []);
      entry.response.headers = entry.response.headers.filter((h) => !drop.has(h.name.toLowerCase()));
      entries.push({ ...entry, ...extra });
      pending ??= setTimeout(flush, Math.max(options.flushMs ?? HAR_WRITER_DEFAULTS.flushMs, 20 * lastWriteMs)).unref();
    },
    count: () => entries.length,
    close() {
      clearTimeout(pending);
      pending = undefined;
      return write();
    },
  };
}
