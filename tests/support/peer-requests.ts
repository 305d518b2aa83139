// A bounded, realistic request mix for judging a server from outside (Prism's validation proxy): named examples, documented errors, rejections, generated traffic.
import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecOperation } from '../../src/spec/spec.ts';
import type { RequestSpec } from '../../src/contract/checks/context.ts';
import { documentedStatuses, parametersOf } from '../../src/contract/checks/lib/spec-index.ts';
import { traffic } from '../../src/contract/checks/lib/traffic.ts';

/** What Prism must say about the request itself: nothing (`valid`), an error (`invalid`), or whatever it likes (`any`). */
export type RequestVerdict = 'valid' | 'invalid' | 'any';

export interface PeerRequest {
  name: string;
  spec: RequestSpec;
  request: RequestVerdict;
  /** The status asked for with `Prefer: code=N`, when one was. */
  prefer?: number;
}

export interface PeerMixOptions {
  operations: SpecOperation[];
  merchantCode: string;
  /** Of an order placed earlier in the run, for a getOrderDetail that finds it. */
  orderName?: string;
  seed: number;
  generated: number;
}

/** Every named example of the request body, by name; one unnamed entry for operations without a body. */
function bodyExamples(operation: SpecOperation): [string, unknown][] {
  const body = operation.operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const examples = Object.entries(body?.content?.['application/json']?.examples ?? {}) as [string, { value?: unknown }][];
  return examples.length ? examples.map(([name, e]) => [name, e.value]) : [['no body', undefined]];
}

/** The spec's example for each required query parameter (orderName), or the order placed in this run. */
function requiredQuery(operation: SpecOperation, orderName?: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const p of parametersOf(operation, 'query')) if (p.required) query[p.name] = String((p as { example?: unknown }).example);
  if (orderName && 'orderName' in query) query.orderName = orderName;
  return query;
}

const withMerchant = (body: unknown, merchant: string) => (Array.isArray(body) ? body.map((line) => ({ ...(line as object), merchant })) : body);

/**
 * Valid requests from the spec's named examples. pullCodes gets a referenceId of its own per example and `use` (what the
 * request is for), so no request of the mix repeats another's: a repeated referenceId is a decided point (#8), refused
 * by some servers, and a valid request must stay valid whatever the server decided.
 */
export function exampleRequests(options: PeerMixOptions, use = 'example'): PeerRequest[] {
  return options.operations.flatMap((operation) =>
    bodyExamples(operation).map(([name, body]): PeerRequest => {
      const query = requiredQuery(operation, options.orderName);
      if (operation.operationId === 'pullCodes') query.referenceId = `peer-${use}-${name}`;
      return { name: `${operation.operationId} example ${name}`, spec: { operation, query, body: withMerchant(body, options.merchantCode) }, request: 'valid' };
    }),
  );
}

/** Each documented status of each operation, asked for with `Prefer: code=N` on the first example request. */
export function preferRequests(options: PeerMixOptions): PeerRequest[] {
  return options.operations.flatMap((operation) => {
    return documentedStatuses(operation).map((code) => {
      const [base] = exampleRequests({ ...options, operations: [operation] }, `prefer-${code}`);
      return { ...base, name: `${operation.operationId} Prefer: code=${code}`, prefer: code, spec: { ...base.spec, headers: { prefer: `code=${code}` } } };
    });
  });
}

type Alter = (spec: RequestSpec) => RequestSpec;

/** Rejections every operation must answer with a documented 4xx; a fake key is invalid only to the server (Prism checks presence). */
const EVERY_OPERATION: [string, RequestVerdict, Alter][] = [
  ['no x-api-key', 'invalid', (s) => ({ ...s, auth: 'none' })],
  ['unknown key', 'any', (s) => ({ ...s, auth: { fakeKey: 'not-a-wupex-key' } })],
  ['no Accept-Language', 'invalid', (s) => ({ ...s, acceptLanguage: null })],
  ['Accept-Language fr-FR', 'invalid', (s) => ({ ...s, acceptLanguage: 'fr-FR' })],
];

/** Schema violations, per operation id. */
const VIOLATIONS: Record<string, [string, Alter][]> = {
  listProducts: [
    ['page 0', (s) => ({ ...s, body: { page: 0 } })],
    ['pageSize 101', (s) => ({ ...s, body: { pageSize: 101 } })],
    ['unknown search column', (s) => ({ ...s, body: { search: [{ column: 'colour', operator: 'Equals', value: 'red' }] } })],
    ['text/plain body', (s) => ({ ...s, contentType: 'text/plain' })],
  ],
  pullCodes: [
    ['no order lines', (s) => ({ ...s, body: [] })],
    ['quantity 0', (s) => ({ ...s, body: (s.body as object[]).map((l) => ({ ...l, quantity: 0 })) })],
    ['referenceId with a space', (s) => ({ ...s, query: { referenceId: 'bad ref' } })],
  ],
  listOrders: [['order UP', (s) => ({ ...s, body: { order: 'UP' } })]],
  getOrderDetail: [['no orderName', (s) => ({ ...s, query: {} })]],
};

export function rejectionRequests(options: PeerMixOptions): PeerRequest[] {
  return options.operations.flatMap((operation) => {
    const alter = (name: string, request: RequestVerdict, edit: Alter): PeerRequest => {
      const [base] = exampleRequests({ ...options, operations: [operation] }, `rejection-${name}`);
      return { name: `${operation.operationId} ${name}`, spec: edit(base.spec), request };
    };
    const own = (VIOLATIONS[operation.operationId] ?? []).map(([name, edit]) => alter(name, 'invalid', edit));
    return [...EVERY_OPERATION.map(([name, verdict, edit]) => alter(name, verdict, edit)), ...own];
  });
}

const parsesAsJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** `type/subtype` with optional parameters: what Prism 5.14 can parse (see generatedRequests). */
const PARSEABLE_CONTENT_TYPE = /^[\w.+*-]+\/[\w.+*-]+\s*(;.*)?$/;

/**
 * Seeded generated traffic (src/contract/checks/lib/traffic.ts), on the operations' own paths and methods. Left out, as Prism's
 * proxy would not judge the server's answer: bodies that are not JSON (Prism answers malformed JSON itself), and a
 * Content-Type that is not `type/subtype` (`foo`, `;`, `application/json, application/json`: the Prism 5.14 CLI throws
 * in its MIME parser and the process dies), and `Prefer: code=abc` (Prism reads Prefer even as a proxy and answers
 * 422 itself). HEAD and GET-with-body are never generated on-path (Prism answers HEAD
 * with 500 and refuses a GET body with 501).
 */
export function generatedRequests(options: PeerMixOptions): PeerRequest[] {
  const arbitrary = traffic(options.operations, { offPath: false, validOrders: true, prefer: true, keyInQuery: true, malformedJson: false, merchantCode: options.merchantCode });
  return fc
    .sample(arbitrary, { seed: options.seed, numRuns: options.generated })
    .filter((r) => r.spec.rawBody === undefined || parsesAsJson(r.spec.rawBody))
    .filter((r) => /^code=\d+$/.test(r.spec.headers?.prefer ?? 'code=0'))
    .filter((r) => [r.spec.contentType, r.spec.headers?.['content-type']].every((type) => !type || PARSEABLE_CONTENT_TYPE.test(type)))
    .map((r, i): PeerRequest => {
      const code = /^code=(\d+)$/.exec(r.spec.headers?.prefer ?? '')?.[1];
      return { name: `generated #${i} ${r.spec.operation.operationId}`, spec: r.spec, request: 'any', prefer: code ? Number(code) : undefined };
    });
}
