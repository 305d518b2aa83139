// The single-file bundle: no external $ref left, and it resolves to exactly the spec the twin and checks use (same example answers).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { BUNDLED_SPEC_PATHS, bundleSpec } from '../../../src/spec/spec-bundle.ts';
import { loadSpec } from '../../../src/spec/spec.ts';
import { PACKAGE_ROOT } from '../../../src/core/package-root.ts';

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('bundled spec (dist/openapi/wupex.bundled.{json,yaml})', () => {
  const bundled = bundleSpec();
  const dir = mkdtempSync(join(tmpdir(), 'wupex-bundle-'));

  test('has no external $ref and keeps the local ones', () => {
    const all = refs(bundled);
    expect(all.filter((r) => !r.startsWith('#/'))).toEqual([]);
    expect(all.length).toBeGreaterThan(20);
  });

  test.each(['json', 'yaml'] as const)('as %s, alone in a directory, resolves to the same spec (same examples, so the twin answers the same)', (format) => {
    const file = join(dir, `wupex.bundled.${format}`);
    writeFileSync(file, format === 'json' ? JSON.stringify(bundled) : stringify(bundled));
    expect(loadSpec(file)).toEqual(loadSpec());
  });

  test('an example file that itself $refs another file is refused, naming it', () => {
    const nested = join(dir, 'nested');
    mkdirSync(join(nested, 'examples'), { recursive: true });
    writeFileSync(join(nested, 'examples/a.json'), JSON.stringify({ value: { $ref: './b.json' } }));
    writeFileSync(join(nested, 'spec.yaml'), "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-ex:\n  $ref: './examples/a.json'\n");
    expect(() => bundleSpec(join(nested, 'spec.yaml'))).toThrow(/External \$ref "\.\/b\.json" in .*a\.json/);
  });

  test('package.json exports both bundles from dist, and `npm run build` wrote them as bundleSpec() makes them', () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string> };
    expect(pkg.exports['./openapi/wupex.bundled.json']).toBe('./dist/openapi/wupex.bundled.json');
    expect(pkg.exports['./openapi/wupex.bundled.yaml']).toBe('./dist/openapi/wupex.bundled.yaml');
    expect(existsSync(BUNDLED_SPEC_PATHS.json), 'dist/openapi/wupex.bundled.json is missing: run `npm run build`').toBe(true);
    expect(JSON.parse(readFileSync(BUNDLED_SPEC_PATHS.json, 'utf8')), 'the built bundle is stale: run `npm run build`').toEqual(bundled);
    expect(parse(readFileSync(BUNDLED_SPEC_PATHS.yaml, 'utf8'))).toEqual(bundled);
  });
});
