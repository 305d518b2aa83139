// Validates the twin's answers against the spec's response schemas (used by the tests; a debug aid, not on the hot path).
import { createAjv, describeErrors, type ValidateFunction } from '../src/spec/schema.ts';
import { listOperations, type Document } from '../src/spec/spec.ts';
import { samePath } from './paths.ts';

export interface ResponseViolation {
  /** "GET /api/customer/balance 200". */
  where: string;
  message: string;
}

export interface ResponseValidator {
  /** undefined when the answer matches the documented status and schema; admin paths are not WUPEX and are skipped. */
  validate(method: string, path: string, status: number, body: unknown): ResponseViolation | undefined;
}

type Responses = Record<string, { content?: Record<string, { schema?: object }> }>;

/** Compile one validator per documented (operation, status) up front. */
export function createResponseValidator(spec: Document): ResponseValidator {
  const ajv = createAjv();
  const table: Array<{ method: string; path: string; byStatus: Map<number, ValidateFunction> }> = [];
  for (const op of listOperations(spec)) {
    const byStatus = new Map<number, ValidateFunction>();
    for (const [status, response] of Object.entries((op.operation.responses ?? {}) as Responses)) {
      const schema = response.content?.['application/json']?.schema;
      if (schema) byStatus.set(Number(status), ajv.compile(schema));
    }
    table.push({ method: op.method.toUpperCase(), path: op.path, byStatus });
  }
  const envelope = ajv.compile(spec.components?.schemas?.ErrorEnvelope ?? {});
  return {
    validate(method, path, status, body) {
      if (path.startsWith('/__mock/')) return undefined;
      const where = `${method.toUpperCase()} ${path} ${status}`;
      // Matched as the twin routes: /api/customer/%62alance is the balance operation.
      const byStatus = table.find((op) => op.method === method.toUpperCase() && samePath(path, op.path))?.byStatus;
      if (!byStatus) {
        // Not an operation (DECISIONS D4): the answer must still be a 4xx in the error envelope.
        if (status < 400 || status > 499) return { where, message: `a request outside the spec answered ${status}, expected a 4xx envelope` };
        return envelope(body) ? undefined : { where, message: describeErrors(envelope.errors) };
      }
      const validate = byStatus.get(status);
      if (!validate) return { where, message: `status ${status} is not documented; documented: ${[...byStatus.keys()].join(', ')}` };
      return validate(body) ? undefined : { where, message: describeErrors(validate.errors) };
    },
  };
}
