// Text the reference page (npm run docs) shows as is: no link into files outside the kit, no Markdown in server descriptions.
import { expect, test } from 'vitest';
import { loadSpec } from '../../../src/spec/spec.ts';

const spec = loadSpec();

/** Every description in the spec, with where it is. */
function descriptions(node: unknown, at = '#'): Array<[string, string]> {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => [
    ...(k === 'description' && typeof v === 'string' ? ([[at, v]] as Array<[string, string]>) : []),
    ...descriptions(v, `${at}/${k}`),
  ]);
}

test('no description points at a file outside the kit (../), which the docs page cannot link', () => {
  expect(descriptions(spec).filter(([, text]) => text.includes('../'))).toEqual([]);
});

test('server descriptions are plain text: Redoc shows them verbatim, so no Markdown backticks', () => {
  expect((spec.servers ?? []).filter((s) => /`/.test(s.description ?? '')).map((s) => s.url)).toEqual([]);
});

/** Every schema with a `const` or `enum` but no `type`, with where it is: Redoc (npm run docs) shows such a field as `any`. */
function untypedValues(node: unknown, at = '#'): string[] {
  if (!node || typeof node !== 'object') return [];
  const own = !Array.isArray(node) && ('const' in node || 'enum' in node) && !('type' in node) ? [at] : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => untypedValues(v, `${at}/${k}`))];
}

test('every const or enum in the spec says its type, so the reference page shows `status` as boolean, not any (issue 18 #12)', () => {
  expect(untypedValues(spec)).toEqual([]);
  expect(untypedValues({ properties: { status: { const: true } } })).toEqual(['#/properties/status']);
});
