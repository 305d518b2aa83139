// The proxy's request inspector: each violation names the parameter as the spec spells it and shows the value received.
import { beforeAll, describe, expect, test } from 'vitest';
import { prepareValidation, type Validation } from '../../../src/proxy/proxy-server.ts';

let validation: Validation;
beforeAll(async () => {
  const prepared = await prepareValidation();
  if (!prepared.ok) throw new Error(prepared.error.message);
  validation = prepared.value;
});

const pullCodes = (query: Record<string, string>) => ({
  method: 'POST',
  path: '/api/order/pull-codes',
  query,
  headers: { 'x-api-key': 'any-key', 'accept-language': 'en-US', 'content-type': 'application/json' },
  bodyText: '[{"merchant":"DEMO-MERCHANT-A","sku":"GOOGLE-USA-10USD","quantity":1}]',
});

describe('createRequestInspector', () => {
  test('a query parameter that breaks its pattern: named as in the spec (referenceId), with the value received', async () => {
    const verdict = await validation.inspectRequest(pullCodes({ referenceId: 'bad ref' }));
    expect(verdict.violations).toEqual([expect.objectContaining({ checkId: 'request.schema', where: 'query.referenceId', received: '"bad ref"' })]);
  });

  test('a valid request has no violation', async () => {
    expect((await validation.inspectRequest(pullCodes({ referenceId: 'ok-1' }))).violations).toEqual([]);
  });
});
