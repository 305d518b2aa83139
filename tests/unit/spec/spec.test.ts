// The spec loader: local and relative-file $refs are inlined; broken and circular refs are reported with the file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { listOperations, loadSpec, readSpecFile, SPEC_PATH } from '../../../src/spec/spec.ts';

function tinySpec(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wupex-spec-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return join(dir, 'spec.yaml');
}

const SPEC = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/A' }
              examples:
                one: { $ref: './example.json' }
components:
  schemas:
    A: { type: object, properties: { n: { type: integer } } }
`;

describe('loadSpec', () => {
  test('inlines local and file references, and lists operations with their labels', () => {
    const doc = loadSpec(tinySpec({ 'spec.yaml': SPEC, 'example.json': '{"summary":"s","value":{"n":1}}' }));
    const [op] = listOperations(doc);
    expect(op).toMatchObject({ operationId: 'getA', method: 'get', path: '/a', label: 'GET /a' });
    const content = (op.operation.responses?.['200'] as { content: Record<string, { schema: unknown; examples: unknown }> }).content['application/json'];
    expect(content.schema).toEqual({ type: 'object', properties: { n: { type: 'integer' } } });
    expect(content.examples).toEqual({ one: { summary: 's', value: { n: 1 } } });
  });

  test('a dangling reference names the reference', () => {
    const file = tinySpec({ 'spec.yaml': SPEC.replace("'#/components/schemas/A'", "'#/components/schemas/Nope'"), 'example.json': '{}' });
    expect(() => loadSpec(file)).toThrow('Unresolvable $ref "#/components/schemas/Nope"');
  });

  test('a circular reference is reported instead of looping', () => {
    const circular = SPEC.replace('A: { type: object, properties: { n: { type: integer } } }', "A: { type: object, properties: { n: { $ref: '#/components/schemas/A' } } }");
    expect(() => loadSpec(tinySpec({ 'spec.yaml': circular, 'example.json': '{}' }))).toThrow(/Circular \$ref/);
  });

  test('the fast parser reads the spec exactly as the `yaml` package (YAML 1.2 core schema) does', () => {
    expect(readSpecFile(SPEC_PATH)).toEqual(parse(readFileSync(SPEC_PATH, 'utf8')));
  });

  test('the real spec has the five documented operations', () => {
    expect(listOperations(loadSpec()).map((o) => o.operationId)).toEqual(['listProducts', 'pullCodes', 'listOrders', 'getOrderDetail', 'getBalance']);
  });
});
