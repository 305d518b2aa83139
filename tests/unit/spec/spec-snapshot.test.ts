// The build's resolved-spec snapshot: used only while it is of that spec and every file it came from is unchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSpecSnapshot, specSnapshot } from '../../../src/spec/spec-snapshot.ts';
import { loadSpec, resolveSpec } from '../../../src/spec/spec.ts';

/** The snapshot does not care what the document says: only which files it was read from. */
const SPEC = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\nx-example: { $ref: './one.json' }\n";

/** A folder (the snapshot's root) with a tiny spec and the example file it refers to. */
function tinySpec() {
  const root = mkdtempSync(join(tmpdir(), 'wupex-snapshot-'));
  const spec = join(root, 'spec.yaml');
  const example = join(root, 'one.json');
  writeFileSync(spec, SPEC);
  writeFileSync(example, '{"value":{"n":1}}');
  return { root, spec, example };
}

describe('readSpecSnapshot', () => {
  test('gives the resolved spec while no file changed; undefined once one did, for another spec, or when damaged', () => {
    const { root, spec, example } = tinySpec();
    const resolved = resolveSpec(spec);
    expect(resolved.files).toEqual([spec, example]);
    const snapshot = join(root, 'snapshot.json');
    writeFileSync(snapshot, specSnapshot(spec, resolved, root) ?? '');
    expect(readSpecSnapshot(spec, snapshot, root)).toEqual(resolved.doc);
    expect(readSpecSnapshot(join(root, 'other.yaml'), snapshot, root)).toBeUndefined();
    writeFileSync(example, '{"value":{"n":2}}');
    expect(readSpecSnapshot(spec, snapshot, root)).toBeUndefined();
    writeFileSync(snapshot, '{"spec":');
    expect(readSpecSnapshot(spec, snapshot, root)).toBeUndefined();
    expect(readSpecSnapshot(spec, join(root, 'none.json'), root)).toBeUndefined();
  });

  test('no snapshot of a document that JSON would change', () => {
    const { root, spec } = tinySpec();
    expect(specSnapshot(spec, { doc: { x: Infinity }, files: [spec] }, root)).toBeUndefined();
  });

  test("the kit's spec: loadSpec (from the build's snapshot when fresh) equals the spec parsed from its files", () => {
    expect(loadSpec()).toEqual(resolveSpec().doc);
  });
});
