// Docs that cannot go stale: every relative link of README.md and docs/ points at a file that exists (and, with #anchor, at
// a heading of that page), and every test or support file the docs name as the proof of a claim exists.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { DOC_FILES, ROOT } from '../../support/doc-snippets.ts';

const text = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replaceAll(' ', '-');
const anchorsOf = (file: string) => new Set(text(file).split('\n').filter((l) => /^#+ /.test(l)).map((l) => anchorOf(l.replace(/^#+ /, '').replaceAll('`', ''))));

test('every relative link in README.md and docs/ resolves, anchors included', () => {
  const broken: string[] = [];
  for (const file of DOC_FILES) {
    for (const [, target] of text(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [path, anchor] = target!.split('#');
      const to = path ? resolve(ROOT, dirname(file), path) : resolve(ROOT, file);
      if (!existsSync(to)) broken.push(`${file}: ${target} (no such file)`);
      else if (anchor && to.endsWith('.md') && !anchorsOf(to.slice(ROOT.length + 1)).has(anchor)) broken.push(`${file}: ${target} (no such heading)`);
    }
  }
  expect(broken).toEqual([]);
});

test('every tests/... file the docs name exists', () => {
  const named = DOC_FILES.flatMap((file) => [...text(file).matchAll(/`(tests\/[\w./-]+\.ts)`/g)].map((m) => [file, m[1]!] as const));
  expect(named.length).toBeGreaterThan(10);
  expect(named.filter(([, path]) => !existsSync(resolve(ROOT, path))).map(([file, path]) => `${file}: ${path}`)).toEqual([]);
});
