// The files the secret scan reads: what git tracks plus untracked-but-not-ignored files, minus vendored, lock and binary files.
import { execFileSync } from 'node:child_process';
import { err, kitError, ok, type Result } from '../core/result.ts';

/** Paths never scanned: dependencies and generated lock files (they hold integrity hashes, not keys). */
const SKIP = [/(^|\/)node_modules\//, /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml)$/];

/** Extensions of files that are binary by nature; other binaries are caught by a NUL byte. */
const BINARY_EXT = /\.(png|jpe?g|gif|ico|webp|pdf|zip|gz|tgz|woff2?|ttf|eot|mp4|wasm)$/i;

/** True when the path is excluded by name (the content check for binaries happens on read). */
export function isSkippedPath(path: string): boolean {
  return BINARY_EXT.test(path) || SKIP.some((re) => re.test(path));
}

/** `git ls-files --cached --others --exclude-standard` in `cwd`: tracked files, and new files before `git add`. */
export function listScanFiles(cwd: string): Result<string[]> {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const files = [...new Set(out.split('\0').filter(Boolean))];
    return ok(files.filter((f) => !isSkippedPath(f)).sort());
  } catch (cause) {
    return err(
      kitError('NOT_A_GIT_REPO', `Cannot list files with git in ${cwd}.`, {
        hint: 'Run the scan inside the repository (or pass --cwd <repo>); git must be installed.',
        cause,
      }),
    );
  }
}
