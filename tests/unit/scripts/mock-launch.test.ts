// npm run mock's launcher: the compiled twin only when dist/ is as new as every source, else the TypeScript (never stale code).
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chooseEntry } from '../../../scripts/mock-launch.mjs';

function tree(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'wupex-launch-'));
  for (const [name, seconds] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '');
    utimesSync(path, seconds, seconds);
  }
  return root;
}

describe('chooseEntry', () => {
  test('no dist/: the TypeScript, quietly', () => {
    const root = tree({ 'scripts/mock.ts': 100 });
    expect(chooseEntry(root)).toEqual({ kind: 'source', file: join(root, 'scripts/mock.ts') });
  });

  test('dist/ older than a source: the TypeScript, saying why and what refreshes it', () => {
    const root = tree({ 'scripts/mock.ts': 100, 'mocks/pipeline.ts': 300, 'dist/scripts/mock.js': 200 });
    expect(chooseEntry(root)).toMatchObject({ kind: 'source', reason: expect.stringContaining('`npm run build` refreshes it') });
  });

  test('an edited scenario or fixture JSON (read at run time) leaves the compiled twin fresh', () => {
    const root = tree({ 'scripts/mock.ts': 100, 'mocks/fixtures/products.json': 300, 'mocks/scenarios/x.json': 300, 'dist/scripts/mock.js': 200 });
    expect(chooseEntry(root).kind).toBe('compiled');
  });

  test('an incremental build that re-emitted only the changed file still counts as fresh', () => {
    const root = tree({ 'scripts/mock.ts': 100, 'mocks/pipeline.ts': 300, 'dist/scripts/mock.js': 50, 'dist/mocks/pipeline.js': 310 });
    expect(chooseEntry(root).kind).toBe('compiled');
  });

  test('dist/ as new as every source: the compiled twin', () => {
    const root = tree({ 'scripts/mock.ts': 100, 'mocks/pipeline.ts': 150, 'dist/scripts/mock.js': 200 });
    expect(chooseEntry(root)).toEqual({ kind: 'compiled', file: join(root, 'dist/scripts/mock.js') });
  });
});

describe('chooseEntry for the other commands (node scripts/mock-launch.mjs NAME)', () => {
  test('verify: compiled when dist/ is fresh, its own TypeScript otherwise', () => {
    const fresh = tree({ 'scripts/verify.ts': 100, 'dist/scripts/verify.js': 200 });
    expect(chooseEntry(fresh, 'verify')).toEqual({ kind: 'compiled', file: join(fresh, 'dist/scripts/verify.js') });
    const stale = tree({ 'scripts/verify.ts': 100, 'src/contract/run-catalogue.ts': 300, 'dist/scripts/verify.js': 200 });
    expect(chooseEntry(stale, 'verify')).toMatchObject({ kind: 'source', file: join(stale, 'scripts/verify.ts') });
  });
});
