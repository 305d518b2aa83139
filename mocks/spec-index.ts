// What the twin reads from the resolved spec once per server: labels, documented statuses, named examples, parameter names and values.
import { listOperations, type Document } from '../src/spec/spec.ts';
import { pathSegments, sameSegments } from './paths.ts';

/** A JSON Schema as the resolved spec holds it. */
export type JsonSchema = Record<string, unknown>;

export interface OperationInfo {
  operationId: string;
  /** "POST /api/order/pull-codes". */
  label: string;
  method: string;
  path: string;
  /** Documented response statuses, ascending. */
  statuses: number[];
  /** The body of the first named example of a documented response (what `Prefer: code=N` answers). */
  example(status: number): unknown;
  /** The JSON request body schema; undefined for operations without a body (GET: a body sent anyway is ignored). */
  bodySchema: JsonSchema | undefined;
  /** Declared query parameters by name, with their schemas. */
  query: ReadonlyMap<string, JsonSchema>;
}

export interface SpecIndex {
  operation(operationId: string): OperationInfo | undefined;
  /** The operation at this method and path (segments percent-decoded as Prism's router does). */
  find(method: string, path: string): OperationInfo | undefined;
  /** Parameter names by their lower-case form (for messages naming the field as the spec spells it). */
  parameterNames: ReadonlyMap<string, string>;
  /** Allowed values of enum parameters by lower-case name (Accept-Language: en-US, en; DECISIONS #20). */
  parameterValues: ReadonlyMap<string, readonly string[]>;
}

type ResponseObject = { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> };
type Parameter = { name: string; in: string; schema?: JsonSchema };
type RequestBody = { content?: Record<string, { schema?: JsonSchema }> };

function firstExample(response: ResponseObject | undefined): unknown {
  const examples = response?.content?.['application/json']?.examples ?? {};
  const first = Object.values(examples)[0];
  return first?.value;
}

/** Index the spec's operations (spec §paths) for the pipeline. */
export function createSpecIndex(spec: Document): SpecIndex {
  const operations = new Map<string, OperationInfo>();
  const parameterNames = new Map<string, string>();
  const parameterValues = new Map<string, readonly string[]>();
  for (const op of listOperations(spec)) {
    const responses = (op.operation.responses ?? {}) as Record<string, ResponseObject>;
    const parameters = (op.operation.parameters ?? []) as Parameter[];
    for (const p of parameters) {
      parameterNames.set(p.name.toLowerCase(), p.name);
      if (Array.isArray(p.schema?.enum)) parameterValues.set(p.name.toLowerCase(), p.schema.enum as string[]);
    }
    operations.set(op.operationId, {
      operationId: op.operationId,
      label: op.label,
      method: op.method.toUpperCase(),
      statuses: Object.keys(responses).map(Number).filter(Number.isInteger).sort((a, b) => a - b),
      example: (status) => firstExample(responses[String(status)]),
      bodySchema: (op.operation.requestBody as RequestBody | undefined)?.content?.['application/json']?.schema,
      query: new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
      path: op.path,
    });
  }
  parameterNames.set('x-api-key', 'x-api-key');
  const list = [...operations.values()].map((op) => ({ op, segments: pathSegments(op.path) }));
  const find = (method: string, path: string) => {
    const upper = method.toUpperCase();
    const segments = pathSegments(path);
    return list.find(({ op, segments: own }) => op.method === upper && sameSegments(segments, own))?.op;
  };
  return { operation: (id) => operations.get(id), find, parameterNames, parameterValues };
}
