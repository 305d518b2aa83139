// Doctor check `dependencies`: a fake repository per case, and the real one, which `npm ci` must have made consistent.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareLockfiles, dependencies } from '../../../src/doctor/dependencies.ts';
import { testContext } from './fixtures.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const LOCK = { lockfileVersion: 3, packages: { '': {}, 'node_modules/yaml': { version: '2.9.1' }, 'node_modules/fsevents': { version: '2.3.3', optional: true } } };

/** A repository with package.json pinning yaml 2.9.1 and the given installed state. */
function repo(installed: { yaml?: string; hiddenLock?: object | null; nodeModules?: boolean }): string {
  const root = mkdtempSync(join(tmpdir(), 'doctor-deps-'));
  dirs.push(root);
  const write = (path: string, value: object) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify(value));
  };
  write('package.json', { devDependencies: { yaml: '2.9.1' } });
  write('package-lock.json', LOCK);
  if (installed.nodeModules === false) return root;
  mkdirSync(join(root, 'node_modules'));
  if (installed.yaml) write('node_modules/yaml/package.json', { version: installed.yaml });
  if (installed.hiddenLock !== null) write('node_modules/.package-lock.json', installed.hiddenLock ?? LOCK);
  return root;
}

describe('dependencies', () => {
  test('the real repository matches its lock', () => {
    expect(dependencies.run(testContext())).toMatchObject({ status: 'ok' });
  });

  test.each([
    ['no node_modules', { nodeModules: false }, { status: 'fail', what: 'node_modules is missing: dependencies are not installed', fix: 'Run: npm ci' }],
    ['a pin not installed', {}, { status: 'fail', what: '1 pinned package(s) not installed as pinned: yaml (not installed)', fix: 'Run: npm ci' }],
    ['a pin at another version', { yaml: '2.8.0' }, { status: 'fail', what: '1 pinned package(s) not installed as pinned: yaml 2.8.0 (package.json pins 2.9.1)' }],
    ['no hidden lockfile', { yaml: '2.9.1', hiddenLock: null }, { status: 'warn' }],
    ['a lock entry at another version', { yaml: '2.9.1', hiddenLock: { packages: { 'node_modules/yaml': { version: '2.9.0' } } } },
      { status: 'fail', what: 'node_modules does not match package-lock.json: different yaml 2.9.0 (lock: 2.9.1)' }],
    ['consistent (a missing optional package is fine)', { yaml: '2.9.1' }, { status: 'ok', what: 'node_modules matches package-lock.json (2 packages; 1 pins installed)' }],
  ])('%s', (_name, installed, want) => {
    expect(dependencies.run(testContext({ root: repo(installed) }))).toMatchObject(want);
  });

  test('compareLockfiles lists missing and different entries', () => {
    const wanted = { packages: { '': {}, 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '2.0.0' }, 'node_modules/c': { version: '1.0.0', optional: true } } };
    const installed = { packages: { 'node_modules/b': { version: '2.0.1' } } };
    expect(compareLockfiles(wanted, installed)).toEqual({ missing: ['a'], mismatched: ['b 2.0.1 (lock: 2.0.0)'] });
  });
});

describe('dependencies, installed as a package', () => {
  test('inside node_modules it is skipped: the consumer project owns the install', () => {
    expect(dependencies.run(testContext({ root: '/work/app/node_modules/wupex-contract' }))).toEqual({
      status: 'skip',
      what: "the kit is installed as a dependency: your project's npm ci installed its pins (npm ls wupex-contract shows them)",
    });
  });
});
