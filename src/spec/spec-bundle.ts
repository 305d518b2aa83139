// The single-file spec for consumers: openapi/wupex.yaml with every external file $ref (the examples) inlined, local $refs kept.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { readSpecFile, SPEC_PATH } from './spec.ts';
import { loadVendored } from './vendor.ts';

/** Where `npm run build` writes the bundle (exported as wupex-contract/openapi/wupex.bundled.{json,yaml}). */
export const BUNDLED_SPEC_PATHS = {
  json: resolve(PACKAGE_ROOT, 'dist/openapi/wupex.bundled.json'),
  yaml: resolve(PACKAGE_ROOT, 'dist/openapi/wupex.bundled.yaml'),
} as const;

/**
 * Bound: at most 200 external files, each read under SPEC_LIMITS.maxFileBytes (readSpecFile); more fails naming the bound.
 * External files may not $ref further files (the kit's examples do not); one that does fails naming it.
 */
export const BUNDLE_MAX_FILES = 200;

type Node = Record<string, unknown>;

/** Replace each `{$ref: './file.json'}` (no fragment) by the file's content; `#/...` refs stay as they are. */
export function bundleSpec(specPath: string = SPEC_PATH): unknown {
  const base = dirname(specPath);
  const read = new Map<string, unknown>();
  const inline = (node: unknown, from: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, from));
    if (!node || typeof node !== 'object') return node;
    const ref = (node as Node).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      if (from !== specPath) throw new Error(`External $ref "${ref}" in ${from}: the bundler inlines one level of files referenced from ${specPath}; inline it there instead.`);
      if (ref.includes('#') || /^[a-z]+:/i.test(ref)) throw new Error(`External $ref "${ref}" in ${from}: expected a relative file path without a fragment (like ./examples/x.json).`);
      const file = resolve(base, ref);
      if (!read.has(file)) {
        if (read.size >= BUNDLE_MAX_FILES) throw new Error(`Spec ${specPath} references more than ${BUNDLE_MAX_FILES} external files; raise BUNDLE_MAX_FILES in src/spec/spec-bundle.ts if that is intended.`);
        read.set(file, inline(readSpecFile(file), file));
      }
      return structuredClone(read.get(file));
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, from)]));
  };
  return inline(readSpecFile(specPath), specPath);
}

/** Write the kit's bundle as JSON and YAML (npm run build; npm run adopt after it changes the kit's spec), each file replaced whole. */
export function writeBundledSpec(): void {
  const jsYaml = loadVendored('js-yaml').require('js-yaml') as { dump(value: unknown, options: { lineWidth: number; noRefs: boolean }): string };
  const bundled = bundleSpec();
  mkdirSync(dirname(BUNDLED_SPEC_PATHS.json), { recursive: true });
  for (const [file, text] of [[BUNDLED_SPEC_PATHS.json, `${JSON.stringify(bundled, null, 2)}\n`], [BUNDLED_SPEC_PATHS.yaml, jsYaml.dump(bundled, { lineWidth: -1, noRefs: true })]] as const) {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }
}
