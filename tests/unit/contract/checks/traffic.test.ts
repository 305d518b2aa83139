// The traffic generator's safety rules for the catalogue check: no valid order body, no key in a URL, no asked-for faults.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createSpecIndex, requestBodySchema } from '../../../../src/contract/checks/lib/spec-index.ts';
import { trafficFor, type TrafficOptions } from '../../../../src/contract/checks/lib/traffic.ts';

const spec = createSpecIndex();
const pullCodes = spec.operations.find((o) => o.operationId === 'pullCodes')!;
const CHECK_MODE: TrafficOptions = { offPath: false, validOrders: false, prefer: false, keyInQuery: false, malformedJson: true, merchantCode: 'DEMO-MERCHANT-A' };

const parsed = (text: string | undefined) => {
  try {
    return { ok: true, value: JSON.parse(text ?? '') as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
};

describe('generated traffic for the catalogue check', () => {
  const samples = fc.sample(trafficFor(pullCodes, CHECK_MODE), { seed: 7, numRuns: 1500 });

  test('never a pullCodes body that could place an order', () => {
    const schema = requestBodySchema(pullCodes)!;
    const valid = samples.map((s) => parsed(s.spec.rawBody)).filter((p) => p.ok && spec.validate(schema, p.value) === undefined);
    expect(valid).toEqual([]);
  });

  test('never the key in the query, never a Prefer header, always the operation\'s own method and path', () => {
    expect(samples.filter((s) => s.spec.auth === 'query' || 'prefer' in (s.spec.headers ?? {}) || s.spec.method || s.spec.path || s.faultAsked)).toEqual([]);
  });

  test('the twin\'s own run does send valid orders, other paths and asked-for faults', () => {
    const twin = fc.sample(trafficFor(pullCodes, { ...CHECK_MODE, validOrders: true, offPath: true, prefer: true, keyInQuery: true }), { seed: 7, numRuns: 1500 });
    const schema = requestBodySchema(pullCodes)!;
    expect(twin.some((s) => spec.validate(schema, parsed(s.spec.rawBody).value) === undefined)).toBe(true);
    expect(twin.some((s) => s.spec.path !== undefined)).toBe(true);
    expect(twin.some((s) => s.faultAsked)).toBe(true);
  });
});
