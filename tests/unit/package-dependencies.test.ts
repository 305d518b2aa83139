// package.json `dependencies` hold only what the shipped code uses: a test-only package belongs in devDependencies.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = <T>(path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

/** The source folders `npm run build` compiles into dist/ (tsconfig.build.json `include`), plus bin/. */
function shippedSources(): string {
  const include = read<{ include: string[] }>('tsconfig.build.json').include;
  const folders = [...new Set([...include.map((glob) => glob.replace(/\/\*.*$/, '')), 'bin'])];
  const files = folders.flatMap((folder) => (readdirSync(join(ROOT, folder), { recursive: true }) as string[]).filter((f) => /\.(ts|js|mjs)$/.test(f)).map((f) => join(folder, f)));
  expect(files.length).toBeGreaterThan(50);
  return files.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
}

test('every runtime dependency is imported (or loaded) by code the package ships', () => {
  const text = shippedSources();
  const { dependencies } = read<{ dependencies: Record<string, string> }>('package.json');
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const unused = Object.keys(dependencies).filter((name) => !new RegExp(`['"]${escape(name)}(/[^'"]*)?['"]`).test(text));
  expect(unused, 'move these to devDependencies (exact version kept)').toEqual([]);
});
