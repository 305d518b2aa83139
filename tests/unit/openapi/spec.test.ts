// openapi/wupex.yaml parses, is structurally valid OpenAPI 3.1, has the five operations, and every $ref resolves.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { parse } from 'yaml';
import { listOperations, loadSpec, SPEC_PATH } from '../../../src/spec/spec.ts';

const ERROR = 0;

/**
 * Structural validation = spectral:oas errors. Its `oas3-schema` rule checks the document against the
 * official OpenAPI 3.1 JSON Schema, and `oas3-valid-*-example` / `oas3-unused-component` / ref rules
 * come with it; it is the same engine `npm run lint:spec` uses, so no second validator to pin.
 */
async function oasErrors(text: string, source = SPEC_PATH) {
  const spectral = new Spectral();
  spectral.setRuleset(new Ruleset({ extends: [[oas as never, 'recommended']] }, { severity: 'recommended' }));
  const results = await spectral.run(new Document(text, Yaml, source));
  return results.filter((r) => r.severity === ERROR).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
}

/** Every `$ref` string in a parsed document, with the file it sits in. */
function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe('openapi/wupex.yaml', () => {
  const text = readFileSync(SPEC_PATH, 'utf8');

  test('parses as YAML and declares OpenAPI 3.1', () => {
    const raw = parse(text) as { openapi: string };
    expect(raw.openapi).toMatch(/^3\.1\.\d+$/);
  });

  test('is valid OpenAPI 3.1 (spectral:oas reports no error)', async () => {
    expect(await oasErrors(text)).toEqual([]);
  });

  test('the structural validation does catch a broken document', async () => {
    const broken = text.replace('      in: header\n      name: x-api-key', '      in: body\n      name: x-api-key');
    expect(broken).not.toBe(text);
    const errors = await oasErrors(broken);
    expect(errors.some((e) => e.startsWith('oas3-schema'))).toBe(true);
  });

  test('has exactly the five WUPEX operations', () => {
    const ops = listOperations(loadSpec()).map((o) => `${o.operationId} ${o.label}`);
    expect(ops.sort()).toEqual([
      'getBalance GET /api/customer/balance',
      'getOrderDetail GET /api/order/detail',
      'listOrders POST /api/order/list',
      'listProducts POST /api/product/merchant/invited/list',
      'pullCodes POST /api/order/pull-codes',
    ]);
  });

  test('every $ref resolves (local pointers and example files), leaving none behind', () => {
    const refs = collectRefs(parse(text));
    expect(refs.filter((r) => r.startsWith('./examples/')).length).toBeGreaterThan(20);
    expect(refs.filter((r) => r.startsWith('#/')).length).toBeGreaterThan(20);
    const resolved = loadSpec();
    expect(collectRefs(resolved)).toEqual([]);
  });

  test('a dangling $ref is reported, naming the reference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-spec-'));
    const file = join(dir, 'spec.yaml');
    symlinkSync(join(dirname(SPEC_PATH), 'examples'), join(dir, 'examples'));
    writeFileSync(file, text.replace("$ref: '#/components/schemas/ErrorEnvelope'", "$ref: '#/components/schemas/Nope'"));
    expect(() => loadSpec(file)).toThrow(/Unresolvable \$ref "#?\/components\/schemas\/Nope"/);
  });
});
