// `npm run build`, after tsc: the twin's start-up artefacts: each VENDOR_BUNDLES entry (src/spec/vendor.ts) as dist/vendor/<name>.cjs with a V8 code cache, and the resolved spec's snapshot.
// Plain JS run by node: it imports the compiled loaders, so the artefacts come from the same code that reads them.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { specSnapshot, SPEC_SNAPSHOT_PATH } from '../../dist/src/spec/spec-snapshot.js';
import { bundleFiles, runBundle, VENDOR_BUNDLES, VENDOR_DIR } from '../../dist/src/spec/vendor.js';

/*
 * Modules swapped in a bundle, each for a smaller one with the same behaviour. prism-http's security validator
 * takes only `set` from lodash/fp, whose index converts all of lodash (~50 ms of start-up): here `set` comes from
 * lodash's own single-function build (lodash/fp/set), and any other name still from the whole of lodash/fp.
 */
const SHIMS = {
  'lodash/fp': `const set = require('lodash/fp/set');
let whole;
module.exports = new Proxy({ set }, { get: (own, key) => (key in own ? own[key] : (whole ??= require('lodash/fp'))[key]) });`,
};

/** @type {import('esbuild').Plugin} */
const shims = {
  name: 'wupex-vendor-shims',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(SHIMS).map((s) => s.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'shim' ? undefined : { path: args.path, namespace: 'shim' }));
    build.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({ contents: SHIMS[args.path], resolveDir: process.cwd(), loader: 'js' }));
  },
};

/**
 * A CommonJS entry whose module.exports maps each specifier to what require gives for it.
 * @param {readonly string[]} specifiers
 */
const entrySource = (specifiers) => `module.exports = {\n${specifiers.map((s) => `  ${JSON.stringify(s)}: require(${JSON.stringify(s)}),`).join('\n')}\n};\n`;

/**
 * What each bundle's code cache is made after: the calls the twin makes at start and on its first requests, so V8
 * caches those functions compiled too (lazily compiled ones are not in a cache made right after loading).
 * @type {Record<string, (exports: Record<string, any>, spec: { text: string, doc: object }) => void>}
 */
const WARM_UP = {
  'js-yaml': ({ 'js-yaml': yaml }, spec) => yaml.load(spec.text, { schema: yaml.CORE_SCHEMA }),
  prism: (modules, spec) => {
    const operations = modules['@stoplight/http-spec/oas3/operation'].transformOas3Operations(structuredClone(spec.doc));
    const route = modules['@stoplight/prism-http/dist/router/index.js'].default;
    const { validateSecurity, validateInput } = modules['@stoplight/prism-http/dist/validator/index.js'];
    for (const resource of operations) {
      const element = { method: resource.method, url: { path: resource.path, query: {} }, headers: { 'x-api-key': 'k' }, body: {} };
      route({ resources: operations, input: element });
      validateSecurity({ resource, element });
      validateInput({ resource, element });
    }
  },
};

/**
 * Bundle one entry (minified; packages resolved as Node resolves them, `main` first), run it and its warm-up, and keep
 * V8's code cache. Node 20 syntax: a consumer may run any supported Node. jsonc-parser's `main` is a UMD build whose
 * factory requires its own files in a way no bundler follows: its ES build instead.
 * @param {string} name
 * @param {readonly string[]} specifiers
 * @param {{ text: string, doc: object }} spec
 */
async function bundleOne(name, specifiers, spec) {
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
    mainFields: ['main', 'module'],
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [shims],
    logLevel: 'warning',
  });
  const { exports, script } = runBundle(file);
  WARM_UP[name]?.(exports, spec);
  writeFileSync(cache, script.createCachedData());
}

/** The kit's spec, resolved and snapshotted (the snapshot dropped when it would not read back the same). */
async function snapshotSpec() {
  rmSync(SPEC_SNAPSHOT_PATH, { force: true });
  const { resolveSpec, SPEC_PATH } = await import('../../dist/src/spec/spec.js');
  const resolved = resolveSpec(SPEC_PATH);
  const text = specSnapshot(SPEC_PATH, resolved);
  mkdirSync(dirname(SPEC_SNAPSHOT_PATH), { recursive: true });
  if (text) writeFileSync(SPEC_SNAPSHOT_PATH, text);
  return { text: readFileSync(SPEC_PATH, 'utf8'), doc: resolved.doc };
}

// Old bundles go first: the spec is then parsed by the installed js-yaml, not by an earlier build's bundle of it.
rmSync(VENDOR_DIR, { recursive: true, force: true });
mkdirSync(VENDOR_DIR, { recursive: true });
const spec = await snapshotSpec();
for (const [name, specifiers] of Object.entries(VENDOR_BUNDLES)) await bundleOne(name, specifiers, spec);
// The proxy's twin worker is plain JS that tsc does not copy: it goes beside its compiled loader (src/proxy/twin-thread.ts).
copyFileSync(new URL('../../src/proxy/twin-worker.mjs', import.meta.url), new URL('../../dist/src/proxy/twin-worker.mjs', import.meta.url));

// The single-file spec consumers feed to their own generators (issue 20): JSON and YAML, no external $ref.
{
  const { writeBundledSpec } = await import('../../dist/src/spec/spec-bundle.js');
  writeBundledSpec();
}
