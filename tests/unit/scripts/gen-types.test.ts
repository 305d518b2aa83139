// The committed generated types must match what `npm run gen:types` would write now, and a generator warning fails it.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENERATED_TYPES_PATH, generateTypes } from '../../../src/spec/generate-types.ts';
import { SPEC_PATH } from '../../../src/spec/spec.ts';

const EXAMPLES = join(dirname(SPEC_PATH), 'examples');

describe('gen:types', () => {
  test('openapi/generated/wupex.ts is up to date with openapi/wupex.yaml (else run: npm run gen:types)', async () => {
    const fresh = await generateTypes();
    expect(fresh.ok ? null : fresh.error.message).toBeNull();
    const committed = readFileSync(GENERATED_TYPES_PATH, 'utf8');
    expect(fresh.ok && committed === fresh.value, 'openapi/generated/wupex.ts is stale: run `npm run gen:types` and commit it').toBe(true);
  });

  test('the generated types name all five operations', async () => {
    const text = await generateTypes();
    for (const id of ['listProducts', 'pullCodes', 'listOrders', 'getOrderDetail', 'getBalance']) {
      expect(text.ok && text.value).toContain(`${id}: {`);
    }
  });

  test('every example file under openapi/examples has a name of its own (bundlers and generators key on it)', () => {
    const names = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => basename(f));
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  test('a generator warning (two example files with one name) fails with the warning and a hint, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-gen-types-'));
    cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
    renameSync(join(dir, 'examples/get-order-detail/response-order-two-lines.json'), join(dir, 'examples/get-order-detail/response-two-lines.json'));
    const spec = readFileSync(SPEC_PATH, 'utf8').replace('get-order-detail/response-order-two-lines.json', 'get-order-detail/response-two-lines.json');
    writeFileSync(join(dir, 'wupex.yaml'), spec);
    const result = await generateTypes(join(dir, 'wupex.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('GEN_TYPES_WARNINGS');
    expect(result.error.message).toMatch(/openapi-typescript warned 1 time\(s\) on .*wupex\.yaml; expected no warnings/);
    expect(result.error.message).toContain('Renamed response-two-lines to response-two-lines-2');
    expect(result.error.hint).toMatch(/unique name/);
  });
});
