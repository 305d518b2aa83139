// hygiene.no-data-on-rejection: a rejected request (no key, bad key, bad input) reveals no account data.
import { defineExchangeCheck, fail, pass, skip } from './check.ts';
import { isObject } from './lib/text.ts';

/** Members that only an authorised answer may carry. */
const ACCOUNT_FIELDS = ['balance', 'creditBalance', 'credit', 'orderName', 'serials', 'serialCode', 'orderData', 'pageInfo'];

function findAccountField(value: unknown, depth = 0): string | undefined {
  if (depth > 6 || value === null || typeof value !== 'object') return undefined;
  for (const [name, inner] of Object.entries(value)) {
    if (ACCOUNT_FIELDS.includes(name)) return name;
    const found = findAccountField(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export const hygieneNoDataOnRejection = defineExchangeCheck({
  id: 'hygiene.no-data-on-rejection',
  title: 'Rejected request reveals account data',
  severity: 'critical',
  description: 'An error response that still carries `data`, a balance, orders or codes.',
  run(exchange, operation) {
    const { status, json } = exchange.response;
    if (status < 400) return skip('the request was not rejected');
    if (!isObject(json)) return pass();
    if ('data' in json) return fail(`${operation.label}: a rejected request (HTTP ${status}) came back with a "data" member; a rejection must reveal no account data.`, exchange);
    const field = findAccountField(json);
    if (field) return fail(`${operation.label}: a rejected request (HTTP ${status}) came back with account data ("${field}"); a rejection must reveal no account data.`, exchange);
    return pass();
  },
});
