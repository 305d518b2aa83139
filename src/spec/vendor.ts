// The runtime packages the twin loads with require: from a pre-built bundle and its V8 code cache in dist/vendor/ when present, else from node_modules.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Script } from 'node:vm';
import { PACKAGE_ROOT } from '../core/package-root.ts';

/**
 * Each bundle and the modules it holds, by the specifiers the kit requires. scripts/build/build-startup.mjs bundles exactly
 * these (`npm run build`); a specifier missing from a bundle (an older build) is required from node_modules.
 */
export const VENDOR_BUNDLES = {
  'js-yaml': ['js-yaml'],
  prism: [
    '@stoplight/prism-core',
    '@stoplight/prism-http/dist/router/index.js',
    '@stoplight/prism-http/dist/validator/index.js',
    '@stoplight/http-spec/oas3/operation',
  ],
} as const;

export type VendorBundle = keyof typeof VENDOR_BUNDLES;
export type VendorSpecifier<B extends VendorBundle> = (typeof VENDOR_BUNDLES)[B][number];

/** Where `npm run build` writes the bundles (in the package tarball too). */
export const VENDOR_DIR = resolve(PACKAGE_ROOT, 'dist/vendor');

/** A bundle's file and its code cache. */
export function bundleFiles(bundle: VendorBundle, dir: string = VENDOR_DIR): { file: string; cache: string } {
  const file = resolve(dir, `${bundle}.cjs`);
  return { file, cache: `${file}.cache` };
}

/** What a bundle file evaluates to: module.exports keyed by specifier. */
export type BundleExports = Record<string, unknown>;

/**
 * Compile and run a bundle as Node runs a CommonJS file, with V8's code cache when given. V8 checks the cache against
 * its own version, flags and the source, and compiles from scratch when it refuses it (`script.cachedDataRejected`).
 */
export function runBundle(file: string, cachedData?: Buffer): { exports: BundleExports; script: Script } {
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} as BundleExports };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, resolve(file, '../../scripts'));
  return { exports: module.exports, script };
}

/** How loadVendored found its modules: the bundle (with an accepted, rejected or no code cache) or node_modules. */
export type VendorSource = 'bundle+cache' | 'bundle' | 'packages';

export interface Vendored<B extends VendorBundle> {
  require(specifier: VendorSpecifier<B>): unknown;
  readonly source: VendorSource;
}

/**
 * The modules of one bundle: from dist/vendor/<bundle>.cjs when it exists (a third of the load time of the ~480
 * CommonJS files it replaces), also for the sources through tsx; from node_modules when there is no build yet.
 */
export function loadVendored<B extends VendorBundle>(bundle: B, dir: string = VENDOR_DIR): Vendored<B> {
  const packages = createRequire(import.meta.url);
  const { file, cache } = bundleFiles(bundle, dir);
  if (!existsSync(file)) return { require: (specifier) => packages(specifier), source: 'packages' };
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  const { exports, script } = runBundle(file, cachedData);
  const source: VendorSource = cachedData && !script.cachedDataRejected ? 'bundle+cache' : 'bundle';
  return { require: (specifier) => (specifier in exports ? exports[specifier] : packages(specifier)), source };
}
