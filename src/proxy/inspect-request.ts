// Validates a request the app sent against the spec: the operation, POST content type, JSON syntax, and Prism's request validation.
import { MOCK_PREFIX, vendorError, type VendorError } from '../../mocks/errors.ts';
import type { MockRequest } from '../../mocks/pipeline.ts';
import type { PrismDiagnostic, PrismRouter } from '../../mocks/prism.ts';
import { BODY_SHAPE_LIMITS, clipToSchema, shapeBeyondLimits } from '../../mocks/bounds.ts';
import { contentTypeError, describeDiagnostic, diagnosticsError, emptyQueryError, malformedJsonError, repeatedQueryError, shapeError, type ParameterFacts } from '../../mocks/request-errors.ts';
import type { JsonSchema } from '../../mocks/spec-index.ts';
import type { SpecOperation } from '../spec/spec.ts';
import type { Violation } from './violations.ts';
import { shown } from './violations.ts';

/** A request as the proxy read it: the twin's request shape, plus the query string exactly as received ("?a=1&a=2"), forwarded unchanged. */
export type ProxyRequest = MockRequest & {
  search?: string;
  /** The body passed BODY_LIMIT: the proxy stopped reading it, so it is neither validated nor forwarded (413). */
  bodyTooLarge?: boolean;
};

export interface RequestVerdict {
  operation?: SpecOperation;
  violations: Violation[];
  /** What `--enforce` answers instead of forwarding (400 INVALID_PAYLOAD naming the field); undefined when valid. */
  refusal?: VendorError;
}

export interface RequestInspectorDeps {
  operations: readonly SpecOperation[];
  router: PrismRouter;
  facts: ParameterFacts;
}

/** The operation's declared query parameters with their schemas (the twin's emptyQueryError/repeatedQueryError take this shape). */
function declaredQuery(operation: SpecOperation): ReadonlyMap<string, JsonSchema> {
  const parameters = (operation.operation.parameters ?? []) as Array<{ in?: string; name?: string; schema?: JsonSchema }>;
  return new Map(parameters.filter((p) => p.in === 'query' && p.name).map((p) => [p.name as string, p.schema ?? {}]));
}

function parse(text: string | undefined): { ok: true; body: unknown } | { ok: false; reason: string } {
  if (text === undefined || text === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, reason: (cause as Error).message };
  }
}

/** Prism lower-cases parameter names in its paths ("query.referenceid"); the spec's spelling, as the app sent it. */
function specPath(d: PrismDiagnostic, facts: ParameterFacts): string[] {
  const [where, name, ...rest] = d.path;
  return where === 'query' && name !== undefined ? [where, facts.parameterNames.get(name) ?? name, ...rest] : d.path;
}

function valueOf(path: string[], request: ProxyRequest, body: unknown): unknown {
  const [where, ...rest] = path;
  if (where === 'header') return request.headers[rest[0] ?? ''];
  if (where === 'query') return request.query[rest[0] ?? ''];
  return rest.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
}

function diagnosticViolation(d: PrismDiagnostic, request: ProxyRequest, body: unknown, deps: RequestInspectorDeps, label: string): Violation {
  const sentence = describeDiagnostic(d, deps.facts, request.headers);
  const path = specPath(d, deps.facts);
  const where = path.length ? path.join('.') : 'request';
  const expected = sentence.replace(/\.$/, '').replace(`${where} `, '');
  return { checkId: 'request.schema', operation: label, where, expected, received: shown(valueOf(path, request, body), path.at(-1)) };
}

export type RequestInspector = (request: ProxyRequest) => Promise<RequestVerdict>;

/** Judge one request; never throws (a Prism failure is reported as a violation of the proxy itself). */
export function createRequestInspector(deps: RequestInspectorDeps): RequestInspector {
  return async (request) => {
    const method = request.method.toLowerCase();
    const operation = deps.operations.find((o) => o.method === method && o.path === request.path);
    if (!operation) {
      // --enforce refuses it too (issue 17 #4): an unknown path is never forwarded with the app's key.
      const refusal = vendorError('INVALID_PAYLOAD', `${request.method} ${request.path} is not an operation of openapi/wupex.yaml; nothing was forwarded.`);
      return { refusal, violations: [{ checkId: 'request.operation', operation: `${request.method} ${request.path}`, where: 'path', expected: 'one of the operations in openapi/wupex.yaml', received: `${request.method} ${request.path}` }] };
    }
    const label = operation.label;
    const violation = (checkId: string, where: string, error: VendorError, received = where === 'body' ? '(not JSON)' : shown(request.headers['content-type'])): RequestVerdict => ({
      operation, refusal: error, violations: [{ checkId, operation: label, where, expected: error.message.replace(/\.$/, ''), received }],
    });
    // What the twin judges before Prism (issue 17 #22): an empty or repeated single-valued query parameter.
    const declared = declaredQuery(operation);
    const queryError = emptyQueryError(request.query, declared) ?? repeatedQueryError(request.repeatedQuery ?? [], declared);
    if (queryError) {
      const name = /'([^']+)'/.exec(queryError.message)?.[1] ?? '';
      return { operation, refusal: queryError, violations: [{ checkId: 'request.query', operation: label, where: `query.${name}`, expected: queryError.message.replace(/\.$/, ''), received: shown(request.search ?? '') }] };
    }
    const wrongType = method === 'post' ? contentTypeError(label, request.headers['content-type']) : undefined;
    if (wrongType) return violation('request.content-type', 'header.content-type', wrongType);
    // The twin's body bounds (DECISIONS D7, issue 17 #7), before JSON.parse and Prism: a hostile 64 KiB body nested
    // thousands deep or with thousands of members is refused by one pass over its text, and arrays past maxItems are
    // cut to maxItems + 1 before validation, so one request costs about what it costs the twin.
    const beyond = request.bodyText ? shapeBeyondLimits(request.bodyText) : undefined;
    if (beyond) return violation('request.body-shape', 'body', shapeError(beyond, BODY_SHAPE_LIMITS), `a body past the ${beyond} limit (${request.bodyText?.length ?? 0} characters)`);
    const parsed = parse(request.bodyText);
    if (!parsed.ok) return violation('request.json', 'body', malformedJsonError(parsed.reason));
    const body = clipToSchema(parsed.body, (operation.operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema);
    const routed = await deps.router.check({ method: request.method, path: request.path, query: request.query, headers: request.headers, body });
    if (!routed.ok) {
      return { operation, violations: [{ checkId: 'request.schema', operation: label, where: 'request', expected: 'a request Prism can validate', received: `${MOCK_PREFIX} ${routed.error.detail}` }] };
    }
    const { diagnostics, missingCredentials } = routed.value;
    const violations = diagnostics.map((d) => diagnosticViolation(d, request, body, deps, label));
    if (missingCredentials) violations.unshift({ checkId: 'request.security', operation: label, where: 'header.x-api-key', expected: 'the x-api-key header (every operation requires it)', received: '(absent)' });
    const refusal = diagnostics.length ? diagnosticsError(diagnostics, deps.facts, request.headers) : undefined;
    return { operation, violations, refusal };
  };
}
