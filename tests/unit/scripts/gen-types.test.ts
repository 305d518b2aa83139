// The committed generated types must match what `npm run gen:types` would write now.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GENERATED_TYPES_PATH, generateTypes } from '../../../src/spec/generate-types.ts';

describe('gen:types', () => {
  test('openapi/generated/wupex.ts is up to date with openapi/wupex.yaml (else run: npm run gen:types)', async () => {
    const fresh = await generateTypes();
    const committed = readFileSync(GENERATED_TYPES_PATH, 'utf8');
    expect(committed === fresh, 'openapi/generated/wupex.ts is stale: run `npm run gen:types` and commit it').toBe(true);
  });

  test('the generated types name all five operations', async () => {
    const text = await generateTypes();
    for (const id of ['listProducts', 'pullCodes', 'listOrders', 'getOrderDetail', 'getBalance']) {
      expect(text).toContain(`${id}: {`);
    }
  });
});
