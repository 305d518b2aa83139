// Generated negatives: every one really violates the schema, the boundary cases are there, and a seed reproduces them.
import { describe, expect, test } from 'vitest';
import { createSpecIndex } from '../../../../src/contract/checks/lib/spec-index.ts';
import { requestBodySchema } from '../../../../src/contract/checks/lib/spec-index.ts';
import { fullInstance } from '../../../../src/contract/checks/lib/instances.ts';
import { violationsFor } from '../../../../src/contract/checks/lib/violations.ts';
import { curlLine } from '../../../../src/contract/checks/lib/curl.ts';

const spec = createSpecIndex();
const op = (id: string) => spec.operations.find((o) => o.operationId === id)!;

describe('violationsFor', () => {
  const listProducts = op('listProducts');
  const schema = requestBodySchema(listProducts)!;
  const base = { operation: listProducts, body: fullInstance(schema) };

  test('includes the boundary cases the issue names', () => {
    const names = violationsFor(spec, base, { seed: 1, runs: 5 }).map((v) => v.description);
    expect(names).toEqual(expect.arrayContaining(['body.page = 0', 'body.pageSize = 101', 'body.pageSize = "1" (a string)', 'body.search[0].operator = "NOT-A-DOCUMENTED-VALUE" (enum)', 'header Accept-Language = "xx-NOPE" (enum)']));
  });

  test('every generated body really breaks the schema', () => {
    for (const v of violationsFor(spec, base, { seed: 9, runs: 20 })) {
      if (v.request.body !== base.body) expect(spec.validate(schema, v.request.body), v.description).toBeDefined();
    }
  });

  test('the same seed gives the same requests; another seed other random ones', () => {
    const a = violationsFor(spec, base, { seed: 3, runs: 10 }).map((v) => v.description);
    expect(violationsFor(spec, base, { seed: 3, runs: 10 }).map((v) => v.description)).toEqual(a);
    expect(violationsFor(spec, base, { seed: 4, runs: 10 }).map((v) => v.description)).not.toEqual(a);
  });

  test('pullCodes: an empty order and quantity 0 are among the negatives', () => {
    const pull = op('pullCodes');
    const names = violationsFor(spec, { operation: pull, body: [{ merchant: 'M', sku: 'S', quantity: 1 }] }, { seed: 1, runs: 1 }).map((v) => v.description);
    expect(names).toEqual(expect.arrayContaining(['body = [] (minItems 1)', 'body[0].quantity = 0', 'body[0] without required "merchant"']));
  });
});

describe('curlLine', () => {
  test('the key becomes $WUPEX_API_KEY in headers and query strings', () => {
    const key = 'wupex-test-key-Q7zX'; // scan-secrets: allow (a deliberate fake key)
    const line = curlLine({ method: 'GET', url: `http://127.0.0.1/api/customer/balance?x-api-key=${key}`, headers: { 'x-api-key': key, 'accept-language': 'en-US' } }, key);
    expect(line).toBe(`curl -sS -X GET "http://127.0.0.1/api/customer/balance?x-api-key=$WUPEX_API_KEY" -H "x-api-key: $WUPEX_API_KEY" -H 'accept-language: en-US'`);
  });
});

