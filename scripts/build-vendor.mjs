// `npm run build`, after tsc: bundles the packages of each VENDOR_BUNDLES entry (scripts/lib/vendor.ts) into dist/vendor/<name>.cjs, with a V8 code cache.
// Plain JS run by node: it imports the compiled loader, so the bundle and its cache come from the same code that loads them.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { bundleFiles, runBundle, VENDOR_BUNDLES, VENDOR_DIR } from '../dist/scripts/lib/vendor.js';

/**
 * A CommonJS entry whose module.exports maps each specifier to what require gives for it.
 * @param {readonly string[]} specifiers
 * @returns {string}
 */
function entrySource(specifiers) {
  return `module.exports = {\n${specifiers.map((s) => `  ${JSON.stringify(s)}: require(${JSON.stringify(s)}),`).join('\n')}\n};\n`;
}

/**
 * Bundle one entry (minified; `module` before `main`, as jsonc-parser's UMD build does not bundle), then run it once
 * and keep V8's code cache of everything compiled so far. Node 20 syntax: a consumer may run any supported Node.
 * @param {string} name
 * @param {readonly string[]} specifiers
 */
async function bundleOne(name, specifiers) {
  const { file, cache } = bundleFiles(name);
  rmSync(cache, { force: true });
  await build({
    stdin: { contents: entrySource(specifiers), resolveDir: process.cwd(), sourcefile: `vendor-${name}.cjs`, loader: 'js' },
    outfile: file,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  const { script } = runBundle(file);
  writeFileSync(cache, script.createCachedData());
}

mkdirSync(VENDOR_DIR, { recursive: true });
for (const [name, specifiers] of Object.entries(VENDOR_BUNDLES)) await bundleOne(name, specifiers);
