// wupex-decision-references: every `x-decision` names a row of DECISIONS.md, and every row that constrains the spec is referenced.
// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const NOT_IN_SPEC = /^\*\*Not in the spec:\*\*(.*)$/m;

/**
 * The rows of the decisions table ("7", "D1") and those marked as deciding nothing in the spec.
 * @param {string} text
 */
function readRows(text) {
  const rows = [...text.matchAll(/^\|\s*(D?\d+)\s*\|/gm)].map((m) => m[1]);
  const marked = [...(NOT_IN_SPEC.exec(text)?.[1] ?? '').matchAll(/\b(D?\d+)\b/g)].map((m) => m[1]);
  return { rows, marked };
}

/**
 * Every `x-decision` value in the (unresolved) document, with its JSON path.
 * @param {unknown} node
 * @param {(string | number)[]} path
 * @param {{ value: string, path: (string | number)[] }[]} out
 */
function collect(node, path, out) {
  if (!node || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-decision') {
      const list = Array.isArray(value) ? value : [value];
      list.forEach((v, i) => out.push({ value: String(v), path: Array.isArray(value) ? [...path, key, i] : [...path, key] }));
    } else collect(value, [...path, Array.isArray(node) ? Number(key) : key], out);
  }
  return out;
}

/**
 * Spectral function, given the whole document. Reads DECISIONS.md next to the spec file.
 * @param {unknown} doc
 * @param {{ file?: string }} options
 * @param {{ path: (string | number)[], document: { source?: string | null } }} context
 * @returns {{ message: string, path: (string | number)[] }[]}
 */
export default function decisionReferences(doc, options, context) {
  const file = resolve(dirname(context.document.source ?? '.'), options?.file ?? 'DECISIONS.md');
  if (!existsSync(file)) return [{ message: `${file} not found: x-decision values cannot be checked against the decisions table.`, path: [] }];
  const { rows, marked } = readRows(readFileSync(file, 'utf8'));
  const refs = collect(doc, [], []);
  const results = [];
  for (const ref of refs) {
    if (!rows.includes(ref.value)) results.push({ message: `x-decision ${ref.value} names no row of DECISIONS.md (rows: ${rows.join(', ')}).`, path: ref.path });
    else if (marked.includes(ref.value)) results.push({ message: `x-decision ${ref.value} points at a row DECISIONS.md lists as "Not in the spec"; remove it from that list or drop the x-decision.`, path: ref.path });
  }
  const referenced = new Set(refs.map((r) => r.value));
  for (const row of rows) {
    if (referenced.has(row) || marked.includes(row)) continue;
    results.push({ message: `DECISIONS.md row ${row} constrains the spec but no x-decision references it; add x-decision: ${row} to the element it decides, or list it under "Not in the spec".`, path: [] });
  }
  return results;
}
