// Where openapi/decisions.yaml and openapi/wupex.yaml disagree: one sentence per difference (empty when they agree).
import type { LoadedDecisions, Refusal } from './decisions.ts';
import type { Document } from './spec.ts';

type Node = Record<string, any>;

const POSTS = ['listProducts', 'pullCodes', 'listOrders'];
const LISTS = ['listProducts', 'listOrders'];

function operations(spec: Document): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const item of Object.values(spec.paths ?? {}) as Node[]) {
    for (const operation of Object.values(item ?? {}) as Node[]) if (operation?.operationId) found.set(operation.operationId, operation);
  }
  return found;
}

/**
 * Compare the decisions with the resolved spec (loadSpec): decided statuses documented on their operations, decided codes in
 * `ErrorCode` with the same status in `x-status-codes`, paging and order limits equal to the schemas, Accept-Language values
 * equal to the parameter's enum, Retry-After declared when sent. Each sentence names the decision entry and the spec element.
 */
export function decisionsVersusSpec(spec: Document, d: LoadedDecisions): string[] {
  const out: string[] = [];
  const schemas = (spec.components?.schemas ?? {}) as Node;
  const codeSchema = (schemas.ErrorCode ?? {}) as Node;
  const codes: string[] = codeSchema.enum ?? [];
  const statusOf: Record<string, number> = codeSchema['x-status-codes'] ?? {};
  const ops = operations(spec);
  const documented = (id: string): string[] => Object.keys((ops.get(id)?.responses ?? {}) as Node);

  const refusal = (entry: string, r: Refusal, on: string[]) => {
    if (!codes.includes(r.code)) out.push(`${entry}.code ${r.code} is not in the spec's ErrorCode enum; add it (and its x-status-codes entry).`);
    else if (statusOf[r.code] !== r.status) out.push(`${entry}: ${r.code} is ${r.status} here but ${statusOf[r.code]} in ErrorCode.x-status-codes.`);
    for (const id of on) if (!documented(id).includes(String(r.status))) out.push(`${entry}.status ${r.status} is not documented on ${id} (documents ${documented(id).join(', ')}).`);
  };

  // #12
  const success = d.pullCodes.successStatus;
  const twoHundreds = documented('pullCodes').filter((s) => s.startsWith('2'));
  if (twoHundreds.join() !== String(success)) out.push(`pullCodes.successStatus is ${success} but pullCodes documents ${twoHundreds.join(', ') || 'no'} success status.`);
  for (const name of ['outOfStock', 'lowBalance', 'disabledProduct', 'unknownSku'] as const) refusal(`pullCodes.${name}`, d.pullCodes[name], ['pullCodes']);
  // #10
  refusal('orderLimits.otherMerchant', d.orderLimits.otherMerchant, ['pullCodes']);
  const lines = schemas.PullCodesRequest ?? {};
  if (lines.maxItems !== d.orderLimits.maxLines) out.push(`orderLimits.maxLines is ${d.orderLimits.maxLines} but PullCodesRequest.maxItems is ${lines.maxItems}.`);
  const quantity = schemas.OrderLine?.properties?.quantity ?? {};
  if (quantity.maximum !== d.orderLimits.maxQuantity) out.push(`orderLimits.maxQuantity is ${d.orderLimits.maxQuantity} but OrderLine.quantity.maximum is ${quantity.maximum}.`);
  // #19, #21
  refusal('otherAccountOrder', d.otherAccountOrder, ['getOrderDetail']);
  refusal('contentType', d.contentType, POSTS);
  // #8
  if (d.repeatedReferenceId.action === 'reject') refusal('repeatedReferenceId', d.repeatedReferenceId, ['pullCodes']);
  // #7
  const page = schemas.Page ?? {};
  const size = schemas.PageSize ?? {};
  const pairs: Array<[string, unknown, string, unknown]> = [
    ['paging.page.min', d.paging.page.min, 'Page.minimum', page.minimum],
    ['paging.page.default', d.paging.page.default, 'Page.default', page.default],
    ['paging.pageSize.min', d.paging.pageSize.min, 'PageSize.minimum', size.minimum],
    ['paging.pageSize.max', d.paging.pageSize.max, 'PageSize.maximum', size.maximum],
    ['paging.pageSize.default', d.paging.pageSize.default, 'PageSize.default', size.default],
  ];
  for (const [entry, mine, element, theirs] of pairs) if (mine !== theirs) out.push(`${entry} is ${mine} but ${element} is ${theirs}.`);
  if (d.paging.outOfRange.action === 'reject') refusal('paging.outOfRange', d.paging.outOfRange, LISTS);
  // #20
  const language = (spec.components?.parameters as Node | undefined)?.AcceptLanguage ?? {};
  const values: string[] = language.schema?.enum ?? [];
  if (values.join() !== d.acceptLanguage.accepted.join()) out.push(`acceptLanguage.accepted is ${d.acceptLanguage.accepted.join(', ')} but the Accept-Language enum is ${values.join(', ')}.`);
  const fallsBack = d.acceptLanguage.missing.action === 'fallback';
  if (fallsBack === (language.required === true)) out.push(`acceptLanguage.missing is ${d.acceptLanguage.missing.action} but the Accept-Language parameter is ${language.required ? 'required' : 'optional'}.`);
  for (const rule of ['missing', 'unsupported'] as const) {
    const chosen = d.acceptLanguage[rule];
    if (chosen.action === 'reject') refusal(`acceptLanguage.${rule}`, chosen, [...ops.keys()]);
  }
  // #22
  const limited = (spec.components?.responses as Node | undefined)?.TooManyRequests ?? {};
  if (d.retryAfter.send && !limited.headers?.['Retry-After']) out.push('retryAfter.send is true but the TooManyRequests response declares no Retry-After header.');
  // #23, D4
  for (const [status, code] of Object.entries(d.codesByStatus)) refusal(`codesByStatus.${status}`, { status: Number(status), code }, []);
  return out;
}
