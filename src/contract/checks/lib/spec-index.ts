// What the checks read from the resolved spec: documented statuses, responses, the error-code map, validation.
import type { OpenAPIV3_1 } from 'openapi-types';
import { createAjv, describeErrors, type ValidateFunction } from '../../../spec/schema.ts';
import { listOperations, loadSpec, type Document, type SpecOperation } from '../../../spec/spec.ts';

export type ResponseObject = OpenAPIV3_1.ResponseObject;
export type ParameterObject = OpenAPIV3_1.ParameterObject;
export type Schema = Record<string, unknown>;

/** The spec prepared once per run; holds its own validator cache (never module-level). */
export interface SpecIndex {
  doc: Document;
  operations: SpecOperation[];
  /** ErrorCode → HTTP status, from `components.schemas.ErrorCode.x-status-codes` (DECISIONS #23). */
  errorStatuses: Record<string, number>;
  /** undefined when valid, else a readable description of what is wrong. */
  validate(schema: Schema, value: unknown): string | undefined;
  /** Where the value breaks the schema: each error's JSON pointer into the value (a missing property included) and its keyword. */
  errorPaths(schema: Schema, value: unknown): SchemaErrorAt[];
}

/** One schema error: where in the value (JSON pointer) and which keyword failed (`required`, `type`, `maximum`...). */
export interface SchemaErrorAt {
  pointer: string;
  keyword: string;
}

export function createSpecIndex(doc: Document = loadSpec()): SpecIndex {
  const ajv = createAjv();
  const cache = new Map<Schema, ValidateFunction>();
  const errorCode = (doc.components?.schemas?.ErrorCode ?? {}) as Schema;
  const compiled = (schema: Schema) => {
    let fn = cache.get(schema);
    if (!fn) {
      fn = ajv.compile(schema);
      cache.set(schema, fn);
    }
    return fn;
  };
  return {
    doc,
    operations: listOperations(doc),
    errorStatuses: { ...((errorCode['x-status-codes'] ?? {}) as Record<string, number>) },
    validate(schema, value) {
      const fn = compiled(schema);
      return fn(value) ? undefined : describeErrors(fn.errors) || 'does not match';
    },
    errorPaths(schema, value) {
      const fn = compiled(schema);
      if (fn(value)) return [];
      return (fn.errors ?? []).map((e) => ({ keyword: e.keyword, pointer: e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath }));
    },
  };
}

/** The documented status codes of an operation, ascending. */
export function documentedStatuses(operation: SpecOperation): number[] {
  return Object.keys(operation.operation.responses ?? {})
    .map(Number)
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
}

/** The response object documented for a status (exact, then NXX, then default). */
export function responseFor(operation: SpecOperation, status: number): ResponseObject | undefined {
  const responses = (operation.operation.responses ?? {}) as Record<string, ResponseObject>;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

/** The JSON schema of the documented response body for a status, if any. */
export function responseSchema(operation: SpecOperation, status: number): Schema | undefined {
  return responseFor(operation, status)?.content?.['application/json']?.schema as Schema | undefined;
}

export function requestBodySchema(operation: SpecOperation): Schema | undefined {
  const body = operation.operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  return body?.content?.['application/json']?.schema as Schema | undefined;
}

export function parametersOf(operation: SpecOperation, where?: 'query' | 'header'): ParameterObject[] {
  const all = (operation.operation.parameters ?? []) as ParameterObject[];
  return where ? all.filter((p) => p.in === where) : all;
}

/** Operations marked `x-mutates: true` (pullCodes) spend money: gated by allowsOrders, never sent in production. */
export function mutates(operation: SpecOperation): boolean {
  return (operation.operation as Record<string, unknown>)['x-mutates'] === true;
}

/** The codes the spec allows for one HTTP status, in spec order. */
export function codesForStatus(index: SpecIndex, status: number): string[] {
  return Object.entries(index.errorStatuses)
    .filter(([, s]) => s === status)
    .map(([code]) => code);
}
