// No YAML comment inside a value line of openapi/**/*.yaml: in a plain scalar, " #" starts a comment and silently cuts the text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CST, Lexer } from 'yaml';
import { PACKAGE_ROOT } from '../../../src/core/package-root.ts';

/** `file:line: text` for every comment that follows content on its line (block scalars are one token, so their "#" is text). */
export function inlineComments(text: string, file: string): string[] {
  const found: string[] = [];
  let line = 1;
  let content = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'comment' && content) found.push(`${file}:${line}: ${token}`);
    if (type === 'newline') content = false;
    else if (type !== 'space' && type !== 'comment' && type !== undefined) content = true;
    line += token.split('\n').length - 1;
  }
  return found;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));

describe('YAML comments in openapi/', () => {
  test('a plain-scalar description with " #" is caught; block and quoted scalars are not', () => {
    const text = 'a: Default 1 (DECISIONS #7).\nb: |\n  DECISIONS #7\nc: \'DECISIONS #7\'\n# a comment line\nd: 1\n';
    expect(inlineComments(text, 'x.yaml')).toEqual(['x.yaml:1: #7).']);
  });

  test('no file under openapi/ has a comment inside a value line', () => {
    const files = yamlFiles(join(PACKAGE_ROOT, 'openapi'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => inlineComments(readFileSync(f, 'utf8'), relative(PACKAGE_ROOT, f)))).toEqual([]);
  });
});
