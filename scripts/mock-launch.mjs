// `npm run mock` (and verify, doctor, proxy, replay, adopt...: `node scripts/mock-launch.mjs NAME`): the compiled command
// (dist/, `npm run build`) when it is as new as its sources, else the TypeScript through tsx. Plain JS so it starts
// without tsx: compiled JS starts in about a third of the time tsx needs (0.5 s instead of 1.5 s for verify --help).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Folders whose TypeScript the compiled twin is built from (scenario, fixture and spec files are read at run time, so they never count). */
const SOURCES = ['mocks', 'scripts', 'src'];

/**
 * Newest modification time (ms) of the files matching `pattern` under the given folders of root; 0 when none.
 * @param {string} root
 * @param {string[]} folders
 * @param {RegExp} pattern
 * @returns {number}
 */
export function newestFile(root, folders, pattern) {
  let newest = 0;
  /** @param {string} dir */
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(entry.name) && !entry.name.endsWith('.d.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return newest;
}

/**
 * Which entry to run: the compiled one only when it exists and no source is newer, so an edit is never served stale.
 * @param {string} [root]
 * @param {string} [name] the command: scripts/<name>.ts, dist/scripts/<name>.js
 * @returns {{ kind: 'compiled', file: string } | { kind: 'source', file: string, reason?: string }}
 */
export function chooseEntry(root = ROOT, name = 'mock') {
  const compiled = join(root, `dist/scripts/${name}.js`);
  const source = join(root, `scripts/${name}.ts`);
  if (!existsSync(compiled)) return { kind: 'source', file: source };
  // The newest compiled file, not mock.js itself: an incremental build re-emits only what changed.
  if (newestFile(root, ['dist'], /\.js$/) < newestFile(root, SOURCES, /\.ts$/)) {
    return { kind: 'source', file: source, reason: 'dist/ is older than the TypeScript sources, so the twin runs from them (slower start); `npm run build` refreshes it.' };
  }
  return { kind: 'compiled', file: compiled };
}

/** Commands this launcher starts: the first argument names one, else it is the twin (`npm run mock -- --port 1`). */
const COMMANDS = ['mock', 'verify', 'doctor', 'example', 'proxy', 'replay', 'adopt', 'spec-diff', 'postman'];

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const named = COMMANDS.includes(process.argv[2] ?? '') ? process.argv.splice(2, 1)[0] : 'mock';
  const entry = chooseEntry(ROOT, named);
  if (entry.kind === 'source') {
    // Only the twin says so (its start-up is measured and documented); the other commands just run the sources.
    if (entry.reason && named === 'mock') process.stderr.write(`[wupex-kit] ${entry.reason}\n`);
    const { register } = await import('tsx/esm/api');
    register();
  }
  await import(pathToFileURL(entry.file).href);
}
