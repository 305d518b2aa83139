// The main script of the twin's single executable (npm run build:exe): unpacks the embedded twin once per build into a private
// cache folder, then runs it as `npm run mock` would, with the same flags. CommonJS: what Node 20 runs as a SEA main script.
'use strict';
const { getAsset } = require('node:sea');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

/** @type {{ hash: string, files: Record<string, string> }} files: relative path -> base64 content */
const payload = JSON.parse(getAsset('payload.json', 'utf8'));

/** A folder only this user can write: $XDG_CACHE_HOME or ~/.cache, else the system temp folder (checked the same way). */
function privateFolder(base) {
  fs.mkdirSync(base, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(base);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (uid !== undefined && (stat.mode & 0o022) !== 0)) {
    throw new Error(`[wupex-twin] UNSAFE_CACHE: ${base} is not a folder owned by you and closed to others; remove it or set XDG_CACHE_HOME.`);
  }
  return base;
}

function unpack() {
  const parent = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  let root;
  try {
    root = path.join(privateFolder(path.join(parent, 'wupex-twin')), payload.hash);
  } catch {
    root = path.join(privateFolder(path.join(os.tmpdir(), `wupex-twin-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`)), payload.hash);
  }
  if (fs.existsSync(path.join(root, '.complete'))) return root;
  const staging = fs.mkdtempSync(`${root}-`);
  for (const [name, base64] of Object.entries(payload.files)) {
    const file = path.join(staging, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  }
  fs.writeFileSync(path.join(staging, '.complete'), payload.hash);
  try {
    fs.renameSync(staging, root);
  } catch {
    // Another start unpacked the same build first: use it.
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return root;
}

/**
 * The built-in scenarios travel inside the executable: `--scenario low-balance` (or mocks/scenarios/low-balance.json) names
 * the unpacked copy when no such file exists where the executable runs. A file that exists is used as given.
 */
function builtInScenario(root, value) {
  if (!value || fs.existsSync(value)) return value;
  const name = path.basename(value).replace(/\.json$/, '');
  const file = path.join(root, 'mocks/scenarios', `${name}.json`);
  return fs.existsSync(file) ? file : value;
}

const root = unpack();
for (let i = 2; i < process.argv.length; i += 1) {
  if (process.argv[i] === '--scenario' && i + 1 < process.argv.length) process.argv[i + 1] = builtInScenario(root, process.argv[i + 1]);
  else if (process.argv[i].startsWith('--scenario=')) process.argv[i] = `--scenario=${builtInScenario(root, process.argv[i].slice('--scenario='.length))}`;
}
if (process.env.WUPEX_MOCK_SCENARIO) process.env.WUPEX_MOCK_SCENARIO = builtInScenario(root, process.env.WUPEX_MOCK_SCENARIO);
// A CommonJS file on disk may import() an ES module; this script, embedded in the executable, may not.
createRequire(path.join(root, 'sea/start.cjs'))('./start.cjs')(pathToFileURL(path.join(root, 'sea/twin.mjs')).href);
