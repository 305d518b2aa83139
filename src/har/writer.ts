// Collects exchanges of one run into ONE masked, schema-validated .har file (proxy --record, verify --record), appended while it runs.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Exchange } from '../http/exchange.ts';
import { err, kitError, ok, type KitError, type Result } from '../core/result.ts';
import { HAR_CREATOR, toHarEntry, type HarEntry } from './har.ts';
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
  /** While running, append to the file at most this often (ms) after entries arrive, so a killed run leaves its recording. */
  flushMs?: number;
  /** How text reaches the file (default fs.writeSync); each call holds at most one entry and the tail (a test observes them). */
  writeText?: (fd: number, text: string, position: number) => void;
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

const indent = (text: string, spaces: string) => text.replace(/\n/g, `\n${spaces}`);

/**
 * The file as JSON.stringify(har, null, 2) would print it, written in pieces: the head once, each entry appended at the
 * end of the list, the closing tail rewritten after it. No string ever holds the whole file (a long proxy run reaches
 * gigabytes), each write costs only the entries it adds, and after every write the file on disk is a whole, valid HAR.
 */
function harLayout(comment: string | undefined) {
  const head = `{\n  "log": {\n    "version": "1.2",\n    "creator": ${indent(JSON.stringify({ ...HAR_CREATOR }, null, 2), '    ')},\n    "entries": [`;
  const rest = `${comment === undefined ? '' : `,\n    "comment": ${JSON.stringify(comment)}`}\n  }\n}\n`;
  return {
    head,
    tail: (count: number) => (count === 0 ? `]${rest}` : `\n    ]${rest}`),
    entry: (entry: HarEntry, index: number) => `${index === 0 ? '' : ','}\n      ${indent(JSON.stringify(entry, null, 2), '      ')}`,
  };
}

const notWritten = (path: string, cause: unknown): KitError =>
  kitError('RECORDING_NOT_WRITTEN', `Could not write the recording ${path}: ${(cause as Error).message}.`, { hint: 'Check that --record DIR is a writable folder with free space.', cause });

/** One writer per run; entries are appended at most every `flushMs` while they arrive, and on close. */
export function createHarWriter(options: HarWriterOptions): HarWriter {
  const clock = options.clock ?? (() => new Date());
  // Unique per writer, not per second: two proxies (or a proxy and verify) recording into one folder keep all their exchanges.
  const path = join(options.dir, options.fileName ?? `${options.prefix}-${stamp(new Date())}-${randomBytes(4).toString('hex')}.har`);
  const drop = new Set((options.dropResponseHeaders ?? []).map((h) => h.toLowerCase()));
  const validate = createHarValidator();
  const layout = harLayout(options.comment);
  const writeText = options.writeText ?? ((handle: number, text: string, position: number) => void writeSync(handle, text, position));
  let fd: number | undefined;
  /** Bytes before the tail, and entries written. */
  let end = 0;
  let written = 0;
  let queued: HarEntry[] = [];
  let failure: KitError | undefined;
  /** The last entry left out (RECORDING_ENTRY_INVALID): close() reports it, though every other entry was written. */
  let left: KitError | undefined;
  const open = (): number => {
    if (fd !== undefined) return fd;
    mkdirSync(dirname(path), { recursive: true });
    // Exclusive (O_CREAT|O_EXCL never follows a planted symlink), owner-only; the name is unpredictable per writer.
    const opened = openSync(path, 'wx', 0o600);
    writeSync(opened, `${layout.head}${layout.tail(0)}`, 0);
    end = Buffer.byteLength(layout.head);
    fd = opened;
    return opened;
  };
  /**
   * Append the queued entries one at a time, each validated on its own and written with the tail after it (one write per
   * entry: no string holds more than one entry, however large the burst, and the file is whole after each write). An
   * entry the schema refuses is dropped and named; the others are still written. The path, or why not (kept for close()).
   */
  const write = (): Result<string> => {
    let at = 0;
    try {
      const handle = open();
      for (; at < queued.length; at += 1) {
        const entry = queued[at]!;
        const valid = validate({ log: { version: '1.2', creator: { ...HAR_CREATOR }, entries: [entry] } }, `${path} entry ${written + 1}`);
        if (!valid.ok) {
          left = kitError('RECORDING_ENTRY_INVALID', `${valid.error.message} The exchange ${entry.request.method} ${entry.request.url.slice(0, 200)} was left out of the recording.`, { hint: 'Report it: the kit wrote an entry HAR 1.2 does not allow.' });
          options.onWriteError?.(left);
          continue;
        }
        const text = layout.entry(entry, written);
        writeText(handle, `${text}${layout.tail(written + 1)}`, end);
        end += Buffer.byteLength(text);
        written += 1;
      }
      queued = [];
      failure = undefined;
      return ok(path);
    } catch (cause) {
      queued = queued.slice(at);
      failure = notWritten(path, cause);
      return err(failure);
    }
  };
  // Off the request path: one timer per burst of entries; a failed write goes to onWriteError, the next write retries it.
  let pending: NodeJS.Timeout | undefined;
  const flush = () => {
    pending = undefined;
    const done = write();
    if (!done.ok) options.onWriteError?.(done.error);
  };
  return {
    path,
    add(exchange, extra = {}) {
      const timed = options.zeroTimings ? { ...exchange, durationMs: 0 } : exchange;
      const entry = maskEntry(toHarEntry(timed, clock()), options.secrets ?? []);
      entry.response.headers = entry.response.headers.filter((h) => !drop.has(h.name.toLowerCase()));
      queued.push({ ...entry, ...extra });
      pending ??= setTimeout(flush, options.flushMs ?? HAR_WRITER_DEFAULTS.flushMs).unref();
    },
    count: () => written + queued.length,
    close() {
      clearTimeout(pending);
      pending = undefined;
      const done = write();
      if (fd !== undefined) {
        closeSync(fd);
        fd = undefined;
      }
      if (done.ok && failure) return err(failure);
      return done.ok && left ? err(left) : done;
    },
  };
}
