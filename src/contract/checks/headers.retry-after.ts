// headers.retry-after: a 429 or 503 carries Retry-After exactly when decisions.yaml says the target sends it (DECISIONS #22).
import { defineExchangeCheck, fail, pass, skip } from './check.ts';
import { basis } from './lib/basis.ts';

const LIMITED = new Set([429, 503]);

export const headersRetryAfter = defineExchangeCheck({
  id: 'headers.retry-after',
  title: 'Retry-After not as decided',
  severity: 'low',
  description: 'A 429 or 503 without Retry-After when decisions.yaml retryAfter.send is true (today), or with one when it is false.',
  basis: basis(['22']),
  run(exchange, operation, _spec, decided) {
    const { status, headers } = exchange.response;
    if (!LIMITED.has(status)) return skip('not a 429 or 503 answer');
    const sent = headers['retry-after'] !== undefined;
    if (sent === decided.retryAfter.send) return pass();
    const did = sent ? `with Retry-After: ${headers['retry-after']}` : 'without Retry-After';
    return fail(`${operation.label}: HTTP ${status} was answered ${did}; the decisions (retryAfter.send: ${decided.retryAfter.send}) say it is ${decided.retryAfter.send ? 'sent' : 'not sent'}.`, exchange);
  },
});
