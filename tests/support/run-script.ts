// Test helper: run a kit script as a subprocess (one node process: compiled from dist/ when it is fresh, as `npm run` does,
// else the TypeScript through the tsx loader), with its exit code, output and peak RSS.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseEntry } from '../../scripts/mock-launch.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX_LOADER = pathToFileURL(resolve(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** Preloaded into the child: on exit, write its own peak RSS (kB) to KIT_TEST_RSS_FILE. */
const REPORT_RSS = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.KIT_TEST_RSS_FILE,String(process.resourceUsage().maxRSS)))`;

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child in bytes; undefined when it died before reporting (e.g. out of memory). */
  maxRssBytes?: number;
  /** The child's working directory (a fresh temp dir, so no .env from the repository applies). */
  cwd: string;
}

/** The node arguments that start scripts/<name>: dist/scripts/<name>.js when dist/ is as new as every source, else tsx. */
export function scriptEntry(name: string): string[] {
  const entry = chooseEntry(ROOT, name);
  return entry.kind === 'compiled' ? [entry.file] : ['--import', TSX_LOADER, entry.file];
}

/** Run `scripts/<name>.ts` with only PATH, HOME and `env`; `timeoutMs` kills a hung child (the test then fails on its code). */
export function runScript(name: string, args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<ScriptRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'kit-script-'));
  const rssFile = join(cwd, 'max-rss');
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KIT_TEST_RSS_FILE: rssFile };
  const argv = ['--import', REPORT_RSS, ...scriptEntry(name), ...args];
  return new Promise((done) => {
    execFile(process.execPath, argv, { cwd, env: { ...base, ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      const maxRssBytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) * 1024 : undefined;
      done({ code, stdout, stderr, maxRssBytes, cwd });
    });
  });
}
