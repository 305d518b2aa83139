// Judging a request that must be rejected: a documented 4xx in the error envelope, never 2xx, never 5xx.
import type { SpecOperation } from '../../../scripts/lib/spec.ts';
import type { Exchange } from '../../targets/target.ts';
import { fail, pass, type Outcome } from '../check.ts';
import { documentedStatuses } from './spec-index.ts';
import { isObject } from './text.ts';

export interface RejectionExpectation {
  /** What was sent, for the message: "a request without x-api-key". */
  what: string;
  /** A specific status and code, when the spec fixes them (401 UNAUTHORIZED). */
  status?: number;
  code?: string;
}

function errorCode(exchange: Exchange): string | undefined {
  const json = exchange.response.json;
  const error = isObject(json) ? json.error : undefined;
  return isObject(error) && typeof error.code === 'string' ? error.code : undefined;
}

/** Pass when the response is the expected rejection; otherwise a message with what was received and what is documented. */
export function judgeRejection(exchange: Exchange, operation: SpecOperation, expect: RejectionExpectation): Outcome {
  const { status } = exchange.response;
  const code = errorCode(exchange);
  const received = `HTTP ${status}${code ? ` ${code}` : ''}`;
  const documented4xx = documentedStatuses(operation).filter((s) => s >= 400 && s < 500);
  const want = expect.status ? `${expect.status}${expect.code ? ` ${expect.code}` : ''}` : `a 4xx error envelope (${documented4xx.join(', ')})`;
  const say = (verb: string) => fail(`${operation.label}: ${expect.what} ${verb} (${received}); the spec documents ${want}.`, exchange);
  if (status < 300) return say('was accepted');
  if (status >= 500) return say('caused a server error');
  if (expect.status ? status !== expect.status : !documented4xx.includes(status)) return say('was answered with another status');
  if (!code) return say('was rejected without the error envelope');
  if (expect.code && code !== expect.code) return say('was rejected with another error code');
  return pass();
}
