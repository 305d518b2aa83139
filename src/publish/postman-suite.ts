// The Postman collection as a contract suite: the vendor flow with orderName chained, rejections, per-request tests, two environments.
import { createSpecIndex, responseSchema } from '../contract/checks/lib/spec-index.ts';
import { serverUrlOf, TWIN_URL } from '../http/base-url.ts';
import { kitDecisions, type LoadedDecisions } from '../spec/decisions.ts';
import type { Document, SpecOperation } from '../spec/spec.ts';
import { assertionsIn, contractTests, testEvent, type Expectation, type PostmanEvent } from './postman-tests.ts';

export const POSTMAN_SUITE = {
  acceptLanguage: 'en-US',
  /** Folders that never spend money: what a sandbox run without --allow-orders runs. */
  readOnlyFolders: ['Catalogue, orders and balance', 'Rejections'],
  orderFolder: 'Order flow (places an order)',
} as const;

type Json = Record<string, unknown>;
interface Header { key: string; value: string }
export interface PostmanItem { name: string; request?: Json; event?: PostmanEvent[]; item?: PostmanItem[] }

interface RequestSpec {
  name: string;
  operationId: string;
  query?: Header[];
  body?: unknown;
  /** Headers instead of the valid pair (x-api-key: {{apiKey}}, Accept-Language: en-US). */
  headers?: Header[];
  want: Omit<Expectation, 'schema'>;
  /** Extra test lines after the contract tests (chaining). */
  then?: string[];
}

const KEYED: Header[] = [{ key: 'x-api-key', value: '{{apiKey}}' }];
const LANGUAGE: Header[] = [{ key: 'Accept-Language', value: POSTMAN_SUITE.acceptLanguage }];

function request(spec: RequestSpec, op: SpecOperation): Json {
  const headers = [...(spec.headers ?? [...KEYED, ...LANGUAGE]), ...(spec.body === undefined ? [] : [{ key: 'Content-Type', value: 'application/json' }])];
  const query = spec.query ?? [];
  const raw = `{{baseUrl}}${op.path}${query.length ? `?${query.map((q) => `${q.key}=${q.value}`).join('&')}` : ''}`;
  return {
    method: op.method.toUpperCase(),
    header: headers,
    url: { raw, host: ['{{baseUrl}}'], path: op.path.split('/').filter(Boolean), ...(query.length ? { query } : {}) },
    ...(spec.body === undefined ? {} : { body: { mode: 'raw', raw: JSON.stringify(spec.body, null, 2), options: { raw: { language: 'json' } } } }),
  };
}

const PICK_SKU = [
  `const orderable = (body && Array.isArray(body.data) ? body.data : []).filter((p) => p.enabled && (p.available ?? 0) >= 1).sort((a, b) => a.price - b.price);`,
  `pm.test('an enabled product in stock on page 1 (its productCode becomes {{sku}})', () => { pm.expect(orderable.length).to.be.above(0); pm.collectionVariables.set('sku', orderable[0].productCode); });`,
];
const KEEP_ORDER = [
  `pm.test('one serial for the one unit ordered, of {{sku}}; orderName becomes {{orderName}}', () => { pm.expect(body.data.serials).to.have.length(1); pm.expect(body.data.serials[0].sku).to.equal(pm.collectionVariables.get('sku')); pm.collectionVariables.set('orderName', body.data.orderName); });`,
];
const SAME_ORDER = [`pm.test('the order just placed ({{orderName}})', () => pm.expect(body.data.orderName).to.equal(pm.collectionVariables.get('orderName')));`];

/** What a request a language rule may refuse must get: the refusal, or a 200 when the target falls back (DECISIONS #20). */
function languageAnswer(rule: LoadedDecisions['acceptLanguage']['missing']): Omit<Expectation, 'schema'> {
  return rule.action === 'reject' ? { status: rule.status, errorCode: rule.code } : { status: 200 };
}

/** The folders, each request with what the decisions `d` say it gets (statuses and codes are decisions: openapi/decisions.yaml). */
function folders(d: LoadedDecisions): [string, RequestSpec[]][] {
  const code = (status: number, fallback: string) => d.codesByStatus[String(status)] ?? fallback;
  const missing = languageAnswer(d.acceptLanguage.missing);
  const unsupported = languageAnswer(d.acceptLanguage.unsupported);
  return [
    [POSTMAN_SUITE.readOnlyFolders[0], [
      { name: 'List products (picks the cheapest product in stock)', operationId: 'listProducts', body: { page: 1, pageSize: 20 }, want: { status: 200 }, then: PICK_SKU },
      { name: 'List orders', operationId: 'listOrders', body: { page: 1, pageSize: 10 }, want: { status: 200 } },
      { name: 'Read the balance', operationId: 'getBalance', want: { status: 200 } },
    ]],
    [POSTMAN_SUITE.orderFolder, [
      { name: 'Pull one code of {{sku}}', operationId: 'pullCodes', query: [{ key: 'referenceId', value: '{{$guid}}' }], body: [{ merchant: '{{merchantCode}}', sku: '{{sku}}', quantity: 1 }], want: { status: d.pullCodes.successStatus }, then: KEEP_ORDER },
      { name: 'Read the order just placed', operationId: 'getOrderDetail', query: [{ key: 'orderName', value: '{{orderName}}' }], want: { status: 200 }, then: SAME_ORDER },
    ]],
    [POSTMAN_SUITE.readOnlyFolders[1], [
      { name: 'No key: 401', operationId: 'getBalance', headers: LANGUAGE, want: { status: 401, errorCode: code(401, 'UNAUTHORIZED') } },
      { name: 'Wrong key: 401', operationId: 'getBalance', headers: [{ key: 'x-api-key', value: 'not-a-wupex-key' }, ...LANGUAGE], want: { status: 401, errorCode: code(401, 'UNAUTHORIZED') } },
      { name: `No Accept-Language: ${missing.status}`, operationId: 'getBalance', headers: KEYED, want: missing },
      { name: `Unsupported Accept-Language (fr-FR): ${unsupported.status}`, operationId: 'getBalance', headers: [...KEYED, { key: 'Accept-Language', value: 'fr-FR' }], want: unsupported },
      { name: 'Invalid body (quantity 0): 400', operationId: 'pullCodes', body: [{ merchant: '{{merchantCode}}', sku: '{{sku}}', quantity: 0 }], want: { status: 400, errorCode: code(400, 'INVALID_PAYLOAD') } },
    ]],
  ];
}

function item(spec: RequestSpec, ops: Map<string, SpecOperation>): PostmanItem {
  const op = ops.get(spec.operationId);
  if (!op) throw new Error(`The Postman suite names operation ${spec.operationId}, which openapi/wupex.yaml does not have: update FOLDERS in src/publish/postman-suite.ts.`);
  const exec = [...contractTests({ ...spec.want, schema: responseSchema(op, spec.want.status) }), ...(spec.then ?? [])];
  return { name: spec.name, request: request(spec, op), event: [testEvent(exec)] };
}

/**
 * The collection (Postman v2.1): variables baseUrl, merchantCode, sku, orderName and an EMPTY apiKey; the key lives in an
 * environment. Statuses and codes the vendor guide leaves open follow `decisions` (default the kit's openapi/decisions.yaml).
 */
export function buildPostmanSuite(doc: Document, decisions: LoadedDecisions = kitDecisions()): Json {
  const ops = new Map(createSpecIndex(doc).operations.map((o) => [o.operation.operationId ?? '', o]));
  return {
    info: { name: `${doc.info.title} contract suite`, description: 'Generated by npm run postman from openapi/wupex.yaml. Run it with an environment (twin or sandbox) holding your key as a secret.', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: folders(decisions).map(([name, specs]) => ({ name, item: specs.map((s) => item(s, ops)) })),
    variable: [
      { key: 'baseUrl', value: TWIN_URL, type: 'string' },
      { key: 'apiKey', value: '', type: 'string', description: 'Empty on purpose: set it in an environment (type secret), never here.' },
      { key: 'sku', value: '', type: 'string', description: 'Set by "List products".' },
      { key: 'orderName', value: '', type: 'string', description: 'Set by "Pull one code".' },
    ],
  };
}

/** The twin and sandbox environments: baseUrl, merchantCode and apiKey as an EMPTY secret (fill it in Postman, never in the file). */
export function buildPostmanEnvironments(doc: Document): Record<'twin' | 'sandbox', Json> {
  const env = (name: string, baseUrl: string, merchantCode: string) => ({
    name,
    values: [
      { key: 'baseUrl', value: baseUrl, type: 'default', enabled: true },
      { key: 'apiKey', value: '', type: 'secret', enabled: true },
      { key: 'merchantCode', value: merchantCode, type: 'default', enabled: true },
    ],
    _postman_variable_scope: 'environment',
  });
  return { twin: env('WUPEX twin (npm run mock)', TWIN_URL, 'DEMO-MERCHANT-A'), sandbox: env('WUPEX sandbox', serverUrlOf('sandbox', doc) ?? '', '') };
}

/** Every request of the suite, depth first, with the folder it sits in. */
export function suiteItems(collection: { item?: PostmanItem[] }): { folder: string; item: PostmanItem }[] {
  return (collection.item ?? []).flatMap((folder) => (folder.item ?? []).map((i) => ({ folder: folder.name, item: i })));
}

/** The assertions the suite makes in `folders` (all when undefined): Newman must count exactly these. */
export function expectedAssertions(collection: { item?: PostmanItem[] }, folders?: readonly string[]): number {
  return suiteItems(collection)
    .filter((x) => !folders || folders.includes(x.folder))
    .reduce((n, x) => n + (x.item.event ?? []).reduce((m, e) => m + assertionsIn(e.script.exec), 0), 0);
}
