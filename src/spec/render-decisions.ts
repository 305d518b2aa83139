// decisions.yaml as text from its value: the one layout `npm run adopt` writes (comments kept, one entry per line).
// tests/unit/spec/render-decisions.test.ts keeps the committed file equal to render(load(file)).
import type { LoadedDecisions } from './decisions.ts';

/** A YAML flow value: numbers and booleans bare, codes and tags bare (they are [A-Za-z0-9_-]), objects `{ a: 1 }`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
  return String(value);
}

export function renderDecisions(d: LoadedDecisions): string {
  const codes = Object.entries(d.codesByStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, code]) => `  ${status}: ${code}`);
  return [
    '# Decisions as data (issue 16): the current choice for each open point of DECISIONS.md that a real server could decide otherwise.',
    '# Read by src/spec/decisions.ts (strict: an unknown key or value is an error naming the entry); the twin follows it',
    '# (`npm run mock -- --decisions FILE` for another profile), and tests/unit/openapi/decisions-spec.test.ts keeps it equal to wupex.yaml.',
    '# Statuses are integers 100..599; codes are free SCREAMING_SNAKE strings (a code the spec\'s ErrorCode does not know is allowed',
    '# here, but the spec test then fails until the spec learns it). `npm run adopt` rewrites this file in this layout.',
    '',
    '# DECISIONS #7: page/pageSize limits and what happens outside them.',
    'paging:',
    `  page: ${flow(d.paging.page)}`,
    `  pageSize: ${flow(d.paging.pageSize)}`,
    '  # reject (with status and code) or clamp (to the limits above, then answer 200).',
    `  outOfRange: ${flow(d.paging.outOfRange)}`,
    '',
    '# DECISIONS #8: a second pullCodes with the same referenceId: replay (the original order, 200, nothing charged),',
    '# reject (with status and code) or new-order (a second order is placed).',
    `repeatedReferenceId: ${flow(d.repeatedReferenceId)}`,
    '',
    '# DECISIONS #10: order limits, and a line naming another merchant.',
    'orderLimits:',
    `  maxLines: ${d.orderLimits.maxLines}`,
    `  maxQuantity: ${d.orderLimits.maxQuantity}`,
    `  otherMerchant: ${flow(d.orderLimits.otherMerchant)}`,
    '',
    '# DECISIONS #12: pull-codes success status (200 or 201) and its refusals.',
    'pullCodes:',
    `  successStatus: ${d.pullCodes.successStatus}`,
    `  outOfStock: ${flow(d.pullCodes.outOfStock)}`,
    `  lowBalance: ${flow(d.pullCodes.lowBalance)}`,
    `  disabledProduct: ${flow(d.pullCodes.disabledProduct)}`,
    `  unknownSku: ${flow(d.pullCodes.unknownSku)}`,
    '',
    '# DECISIONS #19: getOrderDetail for an order of another account.',
    `otherAccountOrder: ${flow(d.otherAccountOrder)}`,
    '',
    '# DECISIONS #20: Accept-Language values; missing or unsupported: reject (status, code) or fallback (to one accepted value).',
    'acceptLanguage:',
    `  accepted: ${flow(d.acceptLanguage.accepted)}`,
    `  missing: ${flow(d.acceptLanguage.missing)}`,
    `  unsupported: ${flow(d.acceptLanguage.unsupported)}`,
    '',
    '# DECISIONS #21: a POST with another or no Content-Type.',
    `contentType: ${flow(d.contentType)}`,
    '',
    '# DECISIONS #22: Retry-After on 429 and 503.',
    `retryAfter: ${flow(d.retryAfter)}`,
    '',
    '# DECISIONS #23 and D4: the code for each status (409 has three codes: see pullCodes; this is its generic one).',
    'codesByStatus:',
    ...codes,
    '',
    '# DECISIONS D6: the message of a 400 names the header, query parameter or body field at fault.',
    `messagesNameField: ${d.messagesNameField}`,
    '',
  ].join('\n');
}
