// Where openapi/decisions.yaml and openapi/wupex.yaml disagree: one sentence per difference (empty when they agree).
import type { LoadedDecisions, Refusal } from './decisions.ts';
import type { Document } from './spec.ts';

type Node = Record<string, any>;

/** Operations with a body (Content-Type, #21) and with paging (#7). */
export const POSTS = ['listProducts', 'pullCodes', 'listOrders'];
export const LISTS = ['listProducts', 'listOrders'];

function operations(spec: Document): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const item of Object.values(spec.paths ?? {}) as Node[]) {
    for (const operation of Object.values(item ?? {}) as Node[]) if (operation?.operationId) found.set(operation.operationId, operation);
  }
  return found;
}

/** A decided refusal and the operations that must document its status. */
export interface PlacedRefusal {
  entry: string;
  refusal: Refusal;
  on: string[];
}

/** Every refusal the decisions name, with where it is answered (codesByStatus entries are answered anywhere: on none). */
export function placedRefusals(d: LoadedDecisions, operationIds: readonly string[]): PlacedRefusal[] {
  const out: PlacedRefusal[] = [
    ...(['outOfStock', 'lowBalance', 'disabledProduct', 'unknownSku'] as const).map((name) => ({ entry: `pullCodes.${name}`, refusal: d.pullCodes[name], on: ['pullCodes'] })),
    { entry: 'orderLimits.otherMerchant', refusal: d.orderLimits.otherMerchant, on: ['pullCodes'] },
    { entry: 'otherAccountOrder', refusal: d.otherAccountOrder, on: ['getOrderDetail'] },
    { entry: 'contentType', refusal: d.contentType, on: POSTS },
  ];
  if (d.repeatedReferenceId.action === 'reject') out.push({ entry: 'repeatedReferenceId', refusal: d.repeatedReferenceId, on: ['pullCodes'] });
  if (d.paging.outOfRange.action === 'reject') out.push({ entry: 'paging.outOfRange', refusal: d.paging.outOfRange, on: LISTS });
  for (const rule of ['missing', 'unsupported'] as const) {
    const chosen = d.acceptLanguage[rule];
    if (chosen.action === 'reject') out.push({ entry: `acceptLanguage.${rule}`, refusal: chosen, on: [...operationIds] });
  }
  for (const [status, code] of Object.entries(d.codesByStatus)) out.push({ entry: `codesByStatus.${status}`, refusal: { status: Number(status), code }, on: [] });
  return out;
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

  for (const placed of placedRefusals(d, [...ops.keys()])) refusal(placed.entry, placed.refusal, placed.on);
  // #12
  const success = d.pullCodes.successStatus;
  const twoHundreds = documented('pullCodes').filter((s) => s.startsWith('2'));
  if (twoHundreds.join() !== String(success)) out.push(`pullCodes.successStatus is ${success} but pullCodes documents ${twoHundreds.join(', ') || 'no'} success status.`);
  // #10
  const lines = schemas.PullCodesRequest ?? {};
  if (lines.maxItems !== d.orderLimits.maxLines) out.push(`orderLimits.maxLines is ${d.orderLimits.maxLines} but PullCodesRequest.maxItems is ${lines.maxItems}.`);
  const quantity = schemas.OrderLine?.properties?.quantity ?? {};
  if (quantity.maximum !== d.orderLimits.maxQuantity) out.push(`orderLimits.maxQuantity is ${d.orderLimits.maxQuantity} but OrderLine.quantity.maximum is ${quantity.maximum}.`);
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
  // #20
  const language = (spec.components?.parameters as Node | undefined)?.AcceptLanguage ?? {};
  const values: string[] = language.schema?.enum ?? [];
  if (values.join() !== d.acceptLanguage.accepted.join()) out.push(`acceptLanguage.accepted is ${d.acceptLanguage.accepted.join(', ')} but the Accept-Language enum is ${values.join(', ')}.`);
  // The guide requires the header (S2, S3; lint rule wupex-accept-language-required): clients always send it, whatever a
  // server does when it is missing, so a decided fallback leaves the parameter required.
  if (language.required !== true) out.push('the Accept-Language parameter must stay required (S2, S3), whatever acceptLanguage.missing decides.');
  // #22
  const limited = (spec.components?.responses as Node | undefined)?.TooManyRequests ?? {};
  if (d.retryAfter.send && !limited.headers?.['Retry-After']) out.push('retryAfter.send is true but the TooManyRequests response declares no Retry-After header.');
  if (!d.retryAfter.send && limited.headers?.['Retry-After']) out.push('retryAfter.send is false but the TooManyRequests response declares a Retry-After header (a server built from the spec would send it).');
  return out;
}
