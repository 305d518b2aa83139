// Test helper: the fenced code blocks of README.md and docs/*.md, with their language and whether they are marked illustrative.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Snippet {
  file: string;
  line: number;
  lang: string;
  /** ```sh illustrative / ```ts illustrative: shown to read, never run. */
  illustrative: boolean;
  code: string;
}

/** The pages a user reads: README.md and every docs/*.md. */
export const DOC_FILES = ['README.md', ...readdirSync(resolve(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Every fenced block of one markdown text (``` fences only; an unclosed fence is an error naming the line). */
export function snippetsOf(file: string, text: string): Snippet[] {
  const out: Snippet[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l === '```');
    if (end < 0) throw new Error(`${file}:${i + 1}: a code fence is never closed`);
    out.push({ file, line: i + 1, lang: open[1] ?? '', illustrative: /\billustrative\b/.test(open[2] ?? ''), code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return out;
}

export const allSnippets = (): Snippet[] => DOC_FILES.flatMap((file) => snippetsOf(file, readFileSync(resolve(ROOT, file), 'utf8')));
