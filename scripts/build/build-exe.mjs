// `npm run build:exe`: the twin as one Node single executable application (linux-x64) in build/exe/wupex-twin: same flags,
// scenarios and admin routes as `npm run mock`. The executable carries Node itself, so the machine running it needs no Node.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const OUT = join(ROOT, 'build/exe');
const WORK = join(OUT, 'work');
const EXE = join(OUT, process.platform === 'win32' ? 'wupex-twin.exe' : 'wupex-twin');
/** The fuse Node's binary carries for postject (Node's SEA documentation). */
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** What the twin reads at run time besides its code: the spec and examples, fixtures, scenarios, the prebuilt vendor bundles. */
const DATA = ['openapi/wupex.yaml', 'openapi/decisions.yaml', 'openapi/DECISIONS.md', 'openapi/examples', 'mocks/fixtures', 'mocks/scenarios', 'dist/vendor'];

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`[wupex-kit] build:exe builds for linux-x64 from linux-x64 (the Node binary it copies is this machine's); this is ${process.platform}-${process.arch}.`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/vendor/prism.cjs'))) {
  console.error('[wupex-kit] dist/vendor is missing: run `npm run build` first (npm run build:exe does).');
  process.exit(2);
}

const files = (path) => (statSync(path).isDirectory() ? readdirSync(path).sort().flatMap((name) => files(join(path, name))) : [path]);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

// 1. The twin's command (scripts/mock.ts) as one ES module; its vendor bundles stay files, loaded as the kit loads them.
const twin = join(WORK, 'twin.mjs');
await build({
  entryPoints: [join(ROOT, 'scripts/mock.ts')],
  outfile: twin,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  // CommonJS dependencies bundled into an ES module still call require(): give them one.
  banner: { js: "import { createRequire as __wupexRequire } from 'node:module'; const require = __wupexRequire(import.meta.url);" },
  logLevel: 'warning',
});

// 2. Everything the executable unpacks, as one asset (relative path -> base64), named by its hash so a new build unpacks anew.
const entries = {
  'package.json': Buffer.from(`${JSON.stringify({ name: 'wupex-twin-sea', private: true, version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version }, null, 2)}\n`),
  'sea/twin.mjs': readFileSync(twin),
  'sea/start.cjs': Buffer.from('// Imports the twin module: an embedded SEA script cannot import(), a CommonJS file on disk can.\nmodule.exports = (url) => import(url);\n'),
};
for (const path of DATA.flatMap((p) => files(join(ROOT, p)))) entries[relative(ROOT, path).split('\\').join('/')] = readFileSync(path);
const hash = createHash('sha256');
for (const [name, content] of Object.entries(entries)) hash.update(name).update(content);
const payload = { hash: hash.digest('hex').slice(0, 16), files: Object.fromEntries(Object.entries(entries).map(([n, c]) => [n, c.toString('base64')])) };
writeFileSync(join(WORK, 'payload.json'), JSON.stringify(payload));

// 3. The SEA blob (launcher + asset), then a copy of this Node with the blob injected (postject).
const config = { main: join(ROOT, 'scripts/build/sea-launcher.cjs'), output: join(WORK, 'sea-prep.blob'), disableExperimentalSEAWarning: true, useCodeCache: false, assets: { 'payload.json': join(WORK, 'payload.json') } };
writeFileSync(join(WORK, 'sea-config.json'), JSON.stringify(config, null, 2));
execFileSync(process.execPath, ['--experimental-sea-config', join(WORK, 'sea-config.json')], { stdio: 'inherit' });
copyFileSync(process.execPath, EXE);
chmodSync(EXE, 0o755);
const { inject } = createRequire(import.meta.url)('postject');
await inject(EXE, 'NODE_SEA_BLOB', readFileSync(config.output), { sentinelFuse: FUSE });
rmSync(WORK, { recursive: true, force: true });
console.error(`[wupex-kit] ${relative(process.cwd(), EXE)}: the twin as one executable (${(statSync(EXE).size / 1e6).toFixed(0)} MB, Node ${process.version}, linux-x64, payload ${payload.hash}). Run it: ${relative(process.cwd(), EXE)} --help`);
