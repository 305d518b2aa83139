// Finds and reads the recordings to replay: .har files given directly or found in folders (recursively), each validated as HAR 1.2.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Har, HarEntry } from '../har/har.ts';
import { createHarValidator } from '../har/validate.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';

export interface Recording {
  file: string;
  entries: HarEntry[];
}

function harFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => (d.isDirectory() ? harFiles(join(dir, d.name)) : d.name.endsWith('.har') ? [join(dir, d.name)] : []));
}

/** Shown only when it looks like a path: a stray argument could be a pasted key. */
const named = (raw: string) => (/[/\\]|\.har$/.test(raw) ? `"${raw}"` : '(value not shown)');

function expand(paths: readonly string[]): Result<string[]> {
  const out: string[] = [];
  for (const raw of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(raw).isDirectory();
    } catch {
      return err(kitError('USAGE', `Recording path ${named(raw)} is neither a file nor a folder.`, { hint: 'Pass .har files or folders holding them, e.g. npm run replay -- tests/recordings.' }));
    }
    out.push(...(isDir ? harFiles(raw) : [raw]));
  }
  return ok(out);
}

/** Largest recording replay reads (bytes): past it the file is refused by name (a recording of that size is not a unit of review). */
export const MAX_RECORDING_BYTES = 256 * 1024 * 1024;

/**
 * Why `file` is not read: not a regular file (a FIFO would block forever, a device never ends) or over the size bound.
 * statSync follows a symlink, so a `.har` link is judged by what it points to.
 */
function unreadable(file: string): string | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return `${file} is not a regular file (a FIFO, device, folder or broken link); replay reads only .har files.`;
  if (stat.size > MAX_RECORDING_BYTES) return `${file} is ${stat.size} bytes; replay reads recordings up to ${MAX_RECORDING_BYTES} bytes.`;
  return undefined;
}

/** Where JSON.parse stopped, without the text around it: the file may be anything (a link to /etc/shadow), so none of its bytes are shown. */
function parsePosition(cause: unknown): string {
  const at = /position (\d+)/.exec(cause instanceof Error ? cause.message : '')?.[1];
  return at === undefined ? 'it does not parse as JSON' : `it stops parsing as JSON at byte ${at}`;
}

/** Every recording under `paths`, or the first problem (a missing path, a file that is not HAR 1.2). */
export function loadRecordings(paths: readonly string[], validate = createHarValidator()): Result<Recording[]> {
  const files = expand(paths);
  if (!files.ok) return files;
  if (files.value.length === 0) return err(kitError('USAGE', 'No .har recording found in the given paths.', { hint: 'Record one with npm run proxy -- --upstream mock --record DIR, or npm run verify -- --record DIR.' }));
  const out: Recording[] = [];
  for (const file of files.value) {
    const refused = unreadable(file);
    if (refused) return err(kitError('USAGE', refused, { hint: 'Pass HAR files written by --record, or by a browser / Polly.js / Insomnia.' }));
    let har: unknown;
    try {
      har = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      return err(kitError('USAGE', `${file} is not a HAR recording: ${parsePosition(cause)}.`, { hint: 'Pass HAR files written by --record, or by a browser / Polly.js / Insomnia.' }));
    }
    const valid = validate(har, file);
    if (!valid.ok) return valid;
    out.push({ file, entries: (har as Har).log.entries });
  }
  return ok(out);
}
