// Generated traffic (fast-check, seeded): odd but well-formed HTTP requests per operation, from the spec's schemas and examples.
import fc from 'fast-check';
import type { SpecOperation } from '../../../spec/spec.ts';
import type { AuthMode, RequestSpec } from '../context.ts';
import { firstBodyExample } from './base-request.ts';
import { arbitraryFor, fullInstance } from './instances.ts';
import { documentedStatuses, mutates, parametersOf, requestBodySchema, type Schema } from './spec-index.ts';

export interface TrafficOptions {
  /** Also vary method and path away from the operation's (the twin's own test); a catalogue check keeps them. */
  offPath: boolean;
  /** Schema-valid bodies for operations that place orders; off for the catalogue check, which must not order. */
  validOrders: boolean;
  /** `Prefer: code=N` for documented codes, 5xx included (a fault asked for); only targets that honour it. */
  prefer: boolean;
  /** The key in the query string too (loopback targets only: a real key never goes into a URL). */
  keyInQuery: boolean;
  /** Truncated JSON and junk bodies (targets that envelope malformed JSON; plain Prism answers with its own text). */
  malformedJson: boolean;
  /** The merchant code valid orders carry (the target's). */
  merchantCode?: string;
}

/** One generated request and whether it asked for a fault (a 5xx is then the documented answer). */
export interface TrafficRequest {
  spec: RequestSpec;
  faultAsked: boolean;
}

const LONG = 'x'.repeat(2000);
const weighted = <T>(common: fc.Arbitrary<T>, ...odd: fc.Arbitrary<T>[]) => fc.oneof({ arbitrary: common, weight: odd.length * 2 }, ...odd.map((arbitrary) => ({ arbitrary, weight: 1 })));
const constants = <T>(...values: T[]) => fc.constantFrom(...values);

function languages(operation: SpecOperation): string[] {
  const header = parametersOf(operation, 'header').find((p) => p.name.toLowerCase() === 'accept-language');
  return ((header?.schema as Schema | undefined)?.enum as string[] | undefined) ?? ['en-US'];
}

function acceptLanguage(operation: SpecOperation): fc.Arbitrary<string | null> {
  const valid = languages(operation);
  return weighted<string | null>(constants(...valid), constants(null, '', 'fr-FR', '*', `${valid[0]}, ${valid[0]}`, `${valid[0]};q=0.9`, valid[0].toUpperCase(), LONG));
}

const contentType = weighted<string | null>(
  constants('application/json', 'application/json; charset=utf-8'),
  constants(null, 'foo', 'text/plain', ';', 'application/json, application/json', 'APPLICATION/JSON', 'application/*', 'application/problem+json', `text/${LONG}`),
);

function auth(options: TrafficOptions): fc.Arbitrary<AuthMode> {
  const odd: fc.Arbitrary<AuthMode>[] = [constants<AuthMode>('none', { fakeKey: 'not-a-wupex-key' }, { fakeKey: 'k'.repeat(2000) })];
  if (options.keyInQuery) odd.push(constants<AuthMode>('query'));
  return weighted(constants<AuthMode>('header'), ...odd);
}

/** Declared query parameters: absent, valid, empty, long or of the wrong type; plus an undeclared one. */
function query(operation: SpecOperation): fc.Arbitrary<Record<string, string>> {
  const params = parametersOf(operation, 'query');
  const entries = params.map((p) => {
    const schema = (p.schema ?? {}) as Schema;
    const example = (p as { example?: unknown }).example;
    const valid = fc.oneof(arbitraryFor(schema).map(String), constants(String(example ?? fullInstance(schema))));
    const value = weighted(valid, constants('', 'a'.repeat(300), 'not-a-boolean', '%zz', ' ', '-1'));
    return [p.name, p.required ? weighted(value, constants(undefined)) : fc.option(value, { freq: 2, nil: undefined })] as const;
  });
  const extra = fc.option(constants<Record<string, string>>({ unknown: 'x' }, { page: '2' }), { freq: 4, nil: undefined });
  return fc.tuple(fc.record(Object.fromEntries(entries)), extra).map(([declared, more]) => {
    const out: Record<string, string> = { ...(more ?? {}) };
    for (const [name, v] of Object.entries(declared)) if (v !== undefined) out[name] = v as string;
    return out;
  });
}

/** Bodies: valid, boundary, wrong types, deep nesting, long arrays, truncated JSON, junk. Raw text, sent as is. */
function body(operation: SpecOperation, options: TrafficOptions): fc.Arbitrary<string> {
  const schema = requestBodySchema(operation) ?? {};
  const example = firstBodyExample(operation) ?? fullInstance(schema);
  const withMerchant = (b: unknown) => (Array.isArray(b) && options.merchantCode ? b.map((l) => ({ ...(l as object), merchant: options.merchantCode })) : b);
  const safe = !mutates(operation) || options.validOrders;
  const valid = safe ? fc.oneof(arbitraryFor(schema), constants(withMerchant(example))).map((b) => JSON.stringify(b)) : constants('[]');
  // Long arrays repeat the example's item, or, where orders must not be placed, an item that can never be a valid line.
  const item = safe ? JSON.stringify(Array.isArray(example) ? example[0] : example) : '{"quantity":0}';
  const odd = [
    constants('null', '1', '"x"', 'true', '[]', '{}', '', '[null]', '{"page":"1"}', '{"pageSize":1e400}', '{"search":{}}'),
    fc.integer({ min: 1, max: 60 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.integer({ min: 1, max: 40 }).map((n) => `{"page":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
    fc.integer({ min: 0, max: 1200 }).map((n) => `[${Array(n).fill(item).join(',')}]`),
    fc.integer({ min: 0, max: 200 }).map((n) => `{"search":[${Array(n).fill('{"column":"productName","operator":"Equals","value":"a"}').join(',')}]}`),
  ];
  if (options.malformedJson) {
    odd.push(fc.tuple(constants(JSON.stringify(example)), fc.nat()).map(([text, at]) => text.slice(0, at % Math.max(1, text.length))), fc.string({ maxLength: 40 }));
  }
  return safe ? weighted(valid, ...odd) : fc.oneof(...odd);
}

/** Methods and paths that may not route: the twin must answer them with a 4xx envelope all the same. */
function offPath(operation: SpecOperation): fc.Arbitrary<{ method?: string; path?: string }> {
  const p = operation.path;
  const last = p.lastIndexOf('/') + 1;
  const encoded = `${p.slice(0, last)}%${p.charCodeAt(last).toString(16)}${p.slice(last + 1)}`;
  const paths = constants(`${p}/`, `/${p}`, p.toUpperCase(), encoded, `${p.slice(0, last - 1)}%2F${p.slice(last)}`, `${p};x=1`, `${p}/%zz`, `/api/${LONG}`);
  const methods = constants('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
  return weighted(constants({}), paths.map((path) => ({ path })), methods.map((method) => ({ method })));
}

/** Prefer headers: none mostly; documented codes (5xx = a fault asked for), undocumented ones, junk. */
type Prefer = { headers: Record<string, string>; faultAsked: boolean };
const NO_PREFER: Prefer = { headers: {}, faultAsked: false };

function prefer(operation: SpecOperation): fc.Arbitrary<Prefer> {
  const codes = documentedStatuses(operation);
  const asked = fc.oneof(constants(...codes), constants(299, 418, 999)).map((code): Prefer => ({ headers: { prefer: `code=${code}` }, faultAsked: code >= 500 && codes.includes(code) }));
  return weighted(constants(NO_PREFER), asked, constants<Prefer>({ headers: { prefer: 'code=abc' }, faultAsked: false }));
}

/** Requests for one operation. */
export function trafficFor(operation: SpecOperation, options: TrafficOptions): fc.Arbitrary<TrafficRequest> {
  const takesBody = operation.method !== 'get';
  return fc
    .record({
      auth: auth(options),
      acceptLanguage: acceptLanguage(operation),
      contentType,
      query: query(operation),
      rawBody: takesBody ? body(operation, options) : constants(undefined),
      prefer: options.prefer ? prefer(operation) : constants(NO_PREFER),
      route: options.offPath ? offPath(operation) : constants({}),
      // Accept is negotiated by real servers (406), so only the twin's own run varies it.
      accept: options.offPath ? fc.option(constants('text/html', '*/*', 'application/xml'), { freq: 4, nil: undefined }) : constants(undefined),
    })
    .map(({ prefer: p, route, accept, contentType: type, ...rest }): TrafficRequest => {
      // A GET takes no body, so the context sends no Content-Type: an odd one goes in as a plain header (DECISIONS #21: ignored).
      const headers: Record<string, string> = { ...p.headers };
      if (!takesBody && type) headers['content-type'] = type;
      if (accept) headers.accept = accept;
      const spec: RequestSpec = { operation, ...route, ...rest, headers };
      if (takesBody) spec.contentType = type;
      return { spec, faultAsked: p.faultAsked };
    });
}

/** Requests over every given operation. */
export function traffic(operations: SpecOperation[], options: TrafficOptions): fc.Arbitrary<TrafficRequest> {
  return fc.oneof(...operations.map((operation) => trafficFor(operation, options)));
}
