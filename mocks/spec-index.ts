// What the twin reads from the resolved spec once per server: labels, documented statuses, named examples, parameter names and values.
import { listOperations, type Document } from '../scripts/lib/spec.ts';

export interface OperationInfo {
  operationId: string;
  /** "POST /api/order/pull-codes". */
  label: string;
  method: string;
  /** Documented response statuses, ascending. */
  statuses: number[];
  /** The body of the first named example of a documented response (what `Prefer: code=N` answers). */
  example(status: number): unknown;
}

export interface SpecIndex {
  operation(operationId: string): OperationInfo | undefined;
  /** Parameter names by their lower-case form (for messages naming the field as the spec spells it). */
  parameterNames: ReadonlyMap<string, string>;
  /** Allowed values of enum parameters by lower-case name (Accept-Language: en-US, en; DECISIONS #20). */
  parameterValues: ReadonlyMap<string, readonly string[]>;
}

type ResponseObject = { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> };

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
    for (const p of (op.operation.parameters ?? []) as Array<{ name: string; schema?: { enum?: string[] } }>) {
      parameterNames.set(p.name.toLowerCase(), p.name);
      if (p.schema?.enum) parameterValues.set(p.name.toLowerCase(), p.schema.enum);
    }
    operations.set(op.operationId, {
      operationId: op.operationId,
      label: op.label,
      method: op.method.toUpperCase(),
      statuses: Object.keys(responses).map(Number).filter(Number.isInteger).sort((a, b) => a - b),
      example: (status) => firstExample(responses[String(status)]),
    });
  }
  parameterNames.set('x-api-key', 'x-api-key');
  return { operation: (id) => operations.get(id), parameterNames, parameterValues };
}
