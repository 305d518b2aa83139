// The spec reads the same in every generator: no `allOf` required-overrides, and pull-codes serials keep `sku` required.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { GENERATED_TYPES_PATH } from '../../../src/spec/generate-types.ts';
import { SPEC_PATH } from '../../../src/spec/spec.ts';

type Node = Record<string, unknown>;

/**
 * Where an `allOf` member only adds `required` (no properties, type or $ref of its own): generators that do not
 * merge allOf members (openapi-typescript, orval, swagger-typescript-api) then lose the requirement.
 */
function requiredOverrides(node: unknown, path = '#', out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => requiredOverrides(n, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    const allOf = (node as Node).allOf;
    if (Array.isArray(allOf)) {
      allOf.forEach((member: Node, i) => {
        const keys = Object.keys(member ?? {});
        if (keys.includes('required') && !keys.some((k) => ['properties', 'type', '$ref'].includes(k))) out.push(`${path}/allOf/${i}`);
      });
    }
    for (const [k, v] of Object.entries(node)) requiredOverrides(v, `${path}/${k}`, out);
  }
  return out;
}

const raw = parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, Node> } };

describe('a spec every generator reads the same', () => {
  test('openapi/wupex.yaml has no allOf member that only overrides `required`', () => {
    expect(requiredOverrides(raw), 'make a schema of its own (see PulledSerial) instead of allOf: [X, {required: [...]}]').toEqual([]);
  });

  test('the check finds an allOf required-override', () => {
    const bad = { items: { allOf: [{ $ref: '#/components/schemas/Serial' }, { required: ['sku'] }] } };
    expect(requiredOverrides(bad)).toEqual(['#/items/allOf/1']);
  });

  test('PulledSerial is Serial with `sku` required: same properties, so the two cannot drift', () => {
    const { Serial, PulledSerial } = raw.components.schemas;
    expect(PulledSerial!.properties).toEqual(Serial!.properties);
    expect(PulledSerial!.required).toEqual(['sku', ...(Serial!.required as string[])]);
  });

  test('the generated types keep `sku` required on pull-codes serials', () => {
    const text = readFileSync(GENERATED_TYPES_PATH, 'utf8');
    expect(text).toMatch(/PulledSerial: \{\n\s+sku: string;/);
    expect(text).toContain('serials: components["schemas"]["PulledSerial"][];');
  });
});
