// A request body over BODY_LIMIT: the proxy stops reading, forwards nothing and answers 413 itself, naming the size.
import { BODY_LIMIT } from '../../mocks/node-adapter.ts';
import type { SpecOperation } from '../spec/spec.ts';
import type { ProxyRequest } from './inspect-request.ts';
import { envelopeAnswer, type ProxyAnswer } from './upstream-failure.ts';
import type { Violation } from './violations.ts';

export interface Oversize {
  /** The key the summary counts the request under (as for any other request). */
  counted: string;
  answer: ProxyAnswer;
  violation: Violation;
  note: string;
}

/** The 413 and its one violation; the size received is the declared content-length, or "more than" the limit (chunked). */
export function oversize(request: ProxyRequest, operations: readonly SpecOperation[], limit = BODY_LIMIT): Oversize {
  const method = request.method.toLowerCase();
  const operation = operations.find((o) => o.method === method && o.path === request.path);
  const declared = request.headers['content-length'];
  return {
    counted: operation?.label ?? 'unknown operation',
    answer: envelopeAnswer(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes; the proxy did not forward it.`),
    violation: { checkId: 'request.body-size', operation: operation?.label ?? `${request.method} ${request.path}`, where: 'body', expected: `at most ${limit} bytes`, received: declared ? `${declared} bytes` : `more than ${limit} bytes` },
    note: ` (body over ${limit} bytes, not forwarded)`,
  };
}
