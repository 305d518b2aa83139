// The old side of a spec diff: a spec file as given, or the spec as committed at a git ref (written to a temporary folder).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { SPEC_PATH } from '../spec/spec.ts';

/** Bound: the files read from a ref (the spec and what sits beside it: examples); past it the ref is refused naming the bound. */
export const BASE_MAX_FILES = 300;

export interface BaseSpec {
  /** The spec file to bundle. */
  path: string;
  /** What the reader is told: "HEAD (1a2b3c4)" or the file path. */
  label: string;
  /** Remove the temporary folder (no-op for a file). */
  cleanup(): void;
}

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'buffer', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** `base` is a file when one exists at that path, else a git ref of the repository holding `specPath`. */
export function resolveBaseSpec(base: string, specPath: string = SPEC_PATH): Result<BaseSpec> {
  if (existsSync(base) && statSync(base).isFile()) return ok({ path: base, label: base, cleanup: () => {} });
  const repo = dirname(specPath);
  let sha: string;
  let top: string;
  try {
    sha = git(repo, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]).toString().trim();
    top = git(repo, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    return err(kitError('USAGE', `--base "${base}" is neither a spec file nor a git ref of ${repo}.`, {
      hint: 'Pass a ref (main, HEAD~1, a commit; in a shallow CI clone fetch it first) or a spec file (openapi/wupex.yaml of another checkout, or a bundled .json/.yaml).',
    }));
  }
  const folder = relative(top, repo).split('\\').join('/');
  const names = git(top, ['ls-tree', '-r', '-z', '--name-only', sha, '--', folder]).toString().split('\0').filter((n) => /\.(ya?ml|json)$/.test(n));
  const specName = relative(top, specPath).split('\\').join('/');
  if (!names.includes(specName)) return err(kitError('USAGE', `${specName} does not exist at ${base} (${sha.slice(0, 7)}).`, { hint: 'Choose a ref that has the spec, or pass --base FILE.' }));
  if (names.length > BASE_MAX_FILES) return err(kitError('USAGE', `${folder}/ at ${base} holds ${names.length} spec files, more than ${BASE_MAX_FILES}.`, { hint: 'Raise BASE_MAX_FILES in src/spec-diff/base-spec.ts if that is intended.' }));
  const dir = mkdtempSync(join(tmpdir(), 'wupex-spec-diff-'));
  for (const name of names) {
    mkdirSync(join(dir, dirname(name)), { recursive: true });
    writeFileSync(join(dir, name), git(top, ['show', `${sha}:${name}`]));
  }
  return ok({ path: join(dir, specName), label: `${base} (${sha.slice(0, 7)})`, cleanup: () => rmSync(dir, { recursive: true, force: true }) });
}
