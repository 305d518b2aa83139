// Whether a path names one of a run's inputs: the same path once resolved, or the same file through a symlink or hard link.
import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';

function stat(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR, EACCES: not a file we could be about to overwrite through this path
  }
}

/** True when `a` and `b` are one file: equal once resolved, or (both existing) the same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const x = stat(a);
  const y = x && stat(b);
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

/** The input `path` would overwrite, if any (see sameFile). */
export const inputAt = (path: string, inputs: readonly string[]): string | undefined => inputs.find((input) => sameFile(path, input));

/** A report is never written over a recording: a `.har` name is refused even when no run read it (an older recording). */
export const isRecordingName = (path: string): boolean => /\.har$/i.test(path);
