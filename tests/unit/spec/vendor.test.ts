// The vendored-module loader: a bundle (with its code cache, or without when V8 refuses it) when built, node_modules otherwise; Prism the same both ways.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../../src/spec/spec.ts';
import { bundleFiles, loadVendored, runBundle, VENDOR_DIR } from '../../../src/spec/vendor.ts';

const packages = createRequire(import.meta.url);

/** A folder holding a stand-in js-yaml bundle whose one export is a marker object; its own source (V8 keeps compiled scripts per source). */
function fakeBundleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wupex-vendor-'));
  writeFileSync(bundleFiles('js-yaml', dir).file, `module.exports = { 'js-yaml': { bundled: require('node:path').sep } }; // ${dir}\n`);
  return dir;
}

describe('loadVendored', () => {
  test('no bundle: the packages from node_modules, the very modules require gives', () => {
    const vendored = loadVendored('js-yaml', mkdtempSync(join(tmpdir(), 'wupex-vendor-')));
    expect(vendored.source).toBe('packages');
    expect(vendored.require('js-yaml')).toBe(packages('js-yaml'));
  });

  test('a bundle: its exports, with the code cache V8 accepts, and compiled anew when it refuses a cache', () => {
    const dir = fakeBundleDir();
    const { file, cache } = bundleFiles('js-yaml', dir);
    expect(loadVendored('js-yaml', dir)).toMatchObject({ source: 'bundle' });
    writeFileSync(cache, runBundle(file).script.createCachedData());
    const cached = loadVendored('js-yaml', dir);
    expect(cached.source).toBe('bundle+cache');
    expect(cached.require('js-yaml')).toEqual({ bundled: '/' });
    const other = fakeBundleDir();
    writeFileSync(bundleFiles('js-yaml', other).cache, 'not a V8 code cache');
    const refused = loadVendored('js-yaml', other);
    expect([refused.source, refused.require('js-yaml')]).toEqual(['bundle', { bundled: '/' }]);
  });

  test('a specifier the bundle lacks (an older build) comes from node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-vendor-'));
    writeFileSync(bundleFiles('js-yaml', dir).file, 'module.exports = {};\n');
    expect(loadVendored('js-yaml', dir).require('js-yaml')).toBe(packages('js-yaml'));
  });
});

const built = existsSync(bundleFiles('prism').file);
describe.skipIf(!built)(built ? 'the built prism bundle' : 'the built prism bundle (skipped: no dist/vendor/prism.cjs; `npm run build` makes it, npm ci runs it)', () => {
  const REQUESTS = [
    { method: 'get', url: { path: '/api/customer/balance', query: {} }, headers: { 'accept-language': 'en-US' } },
    { method: 'post', url: { path: '/api/order/pull-codes', query: {} }, headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: { quantity: 2 } },
  ];

  test('gives the same operations and the same security and input validation as the packages', () => {
    const runs = [loadVendored('prism'), loadVendored('prism', mkdtempSync(join(tmpdir(), 'wupex-vendor-')))].map((vendored) => {
      const { transformOas3Operations } = vendored.require('@stoplight/http-spec/oas3/operation') as { transformOas3Operations(doc: object): Array<{ path: string; method: string }> };
      const validators = vendored.require('@stoplight/prism-http/dist/validator/index.js') as Record<'validateInput' | 'validateSecurity', (a: object) => unknown>;
      const operations = transformOas3Operations(loadSpec());
      const validations = REQUESTS.map((element) => {
        const resource = operations.find((op) => op.path === element.url.path && op.method === element.method);
        return [validators.validateSecurity({ resource, element }), validators.validateInput({ resource, element })];
      });
      return { source: vendored.source, operations, validations };
    });
    expect(runs.map((run) => run.source)).toEqual([expect.stringMatching(/^bundle/), 'packages']);
    expect(JSON.stringify(runs[0].operations)).toBe(JSON.stringify(runs[1].operations));
    expect(runs[0].validations).toEqual(runs[1].validations);
    expect(JSON.stringify(runs[0].validations)).toMatch(/"code":401.*"path":\["body"\],"code":"type"/s);
  });
});

test('VENDOR_DIR is dist/vendor under the package root', () => {
  expect(VENDOR_DIR).toMatch(/[\\/]dist[\\/]vendor$/);
});
