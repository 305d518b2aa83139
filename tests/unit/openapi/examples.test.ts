// Every named example in the spec (requests, responses incl. errors, parameters, headers) validates against its schema (2020-12).
import { describe, expect, test } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createAjv, describeErrors } from '../../../src/spec/schema.ts';
import { listOperations, loadSpec } from '../../../src/spec/spec.ts';

type Media = OpenAPIV3_1.MediaTypeObject;
type WithExamples = { schema?: unknown; example?: unknown; examples?: Record<string, { value?: unknown }> };

/** One example to validate: where it sits (for the test name), its schema and its value. */
interface ExampleCase {
  where: string;
  schema: unknown;
  value: unknown;
}

function casesOf(where: string, holder: WithExamples | undefined): ExampleCase[] {
  if (!holder?.schema) return [];
  const named = Object.entries(holder.examples ?? {}).map(([name, ex]) => ({ where: `${where} "${name}"`, schema: holder.schema, value: ex.value }));
  return holder.example === undefined ? named : [...named, { where: `${where} example`, schema: holder.schema, value: holder.example }];
}

/** Derived from the spec, never a hand-written list: a new example is covered as soon as it is added. */
function allExamples(doc: OpenAPIV3_1.Document): ExampleCase[] {
  return listOperations(doc).flatMap(({ operationId, operation }) => {
    const params = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
    const body = (operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content ?? {};
    const responses = Object.entries((operation.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>);
    return [
      ...params.flatMap((p) => casesOf(`${operationId} parameter ${p.name}`, p as WithExamples)),
      ...Object.entries(body).flatMap(([type, media]) => casesOf(`${operationId} request ${type}`, media as Media as WithExamples)),
      ...responses.flatMap(([status, response]) => [
        ...Object.entries(response.content ?? {}).flatMap(([type, media]) => casesOf(`${operationId} ${status} ${type}`, media as WithExamples)),
        ...Object.entries(response.headers ?? {}).flatMap(([name, h]) => casesOf(`${operationId} ${status} header ${name}`, h as WithExamples)),
      ]),
    ];
  });
}

const doc = loadSpec();
const cases = allExamples(doc);
const ajv = createAjv();

function validate(schema: unknown, value: unknown): string | null {
  const check = ajv.compile(schema as object);
  return check(value) ? null : describeErrors(check.errors);
}

describe('spec examples', () => {
  test('cover every operation, its request body, its 2xx (200, or 201 once adopted) and its error responses', () => {
    for (const { operationId, operation } of listOperations(doc)) {
      const mine = cases.filter((c) => c.where.startsWith(`${operationId} `));
      expect(mine.some((c) => / 2\d\d /.test(c.where)), operationId).toBe(true);
      expect(mine.some((c) => / (401|429) /.test(c.where)), operationId).toBe(true);
      expect(mine.some((c) => c.where.includes(' parameter Accept-Language')), operationId).toBe(true);
      if (operation.requestBody) expect(mine.some((c) => c.where.includes(' request ')), operationId).toBe(true);
    }
  });

  test.each(cases.map((c) => [c.where, c] as const))('%s validates against its schema', (_where, c) => {
    expect(validate(c.schema, c.value)).toBeNull();
  });

  test('the validator rejects an example that breaks its schema', () => {
    const unauthorized = cases.find((c) => c.where.startsWith('getBalance 401 '));
    expect(unauthorized).toBeDefined();
    const bad = { ...(unauthorized!.value as object), status: true };
    expect(validate(unauthorized!.schema, bad)).toMatch(/\/status must be equal to constant/);
  });
});
