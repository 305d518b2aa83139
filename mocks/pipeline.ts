// The twin's request pipeline: route and validate with Prism, authenticate, inject faults, then answer from a stateful handler.
import type { LoadedDecisions } from '../src/spec/decisions.ts';
import { decideDiagnostics } from './decided-diagnostics.ts';
import { decidedError, RETRY_STATUSES, type ErrorCatalogue, type MockResponse, type VendorError } from './errors.ts';
import type { Faults } from './faults.ts';
import type { Handler } from './handlers/handler.ts';
import type { PrismMatch, PrismRouter } from './prism.ts';
import { BODY_LIMIT, BODY_SHAPE_LIMITS, clipToSchema, shapeBeyondLimits } from './bounds.ts';
import { contentTypeError, diagnosticsError, emptyQueryError, malformedJsonError, repeatedQueryError, shapeError, shortened } from './request-errors.ts';
import type { OperationInfo, SpecIndex } from './spec-index.ts';
import type { MockStore } from './store.ts';

/** A request as both adapters (web fetch, node http) hand it in: lower-case headers, single-valued query. */
export interface MockRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Query names given more than once (WUPEX query parameters are single-valued: a repeat is refused, never cut). */
  repeatedQuery?: readonly string[];
  headers: Record<string, string>;
  /** The raw body text, or undefined when there was none (or it was over the cap). */
  bodyText: string | undefined;
  /** The body was over the 64 KiB cap and was not read (413 on operations with a body, after authentication). */
  bodyTooLarge?: boolean;
}

export interface PipelineDeps {
  router: PrismRouter;
  spec: SpecIndex;
  errors: ErrorCatalogue;
  store: MockStore;
  faults: Faults;
  handlers: Readonly<Record<string, Handler>>;
  /** openapi/decisions.yaml or the profile given: loaded once by createMockServer, frozen, never re-read per request. */
  decisions: LoadedDecisions;
}

type Parsed = { ok: true; body: unknown } | { ok: false; error: VendorError };

/** Only bodies of operations that take one are parsed; the shape pre-check keeps JSON.parse cheap. */
function parseBody(text: string | undefined, info: OperationInfo | undefined): Parsed {
  if (!info?.bodySchema || text === undefined || text === '') return { ok: true, body: undefined };
  const beyond = shapeBeyondLimits(text);
  if (beyond) return { ok: false, error: shapeError(beyond, BODY_SHAPE_LIMITS) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, error: malformedJsonError(cause instanceof Error ? cause.message : String(cause)) };
  }
}

/** `Prefer: code=429` asks for that documented response, as Prism does. */
function preferredCode(headers: Record<string, string>): number | undefined {
  const match = /(?:^|[;,\s])code=(\d{3})/.exec(headers.prefer ?? '');
  return match ? Number(match[1]) : undefined;
}

function preferred(code: number, info: OperationInfo, errors: ErrorCatalogue, decisions: LoadedDecisions): MockResponse {
  if (!info.statuses.includes(code)) {
    return errors.respond({ code: 'INVALID_PAYLOAD', message: `Header 'Prefer' asks for code=${code}, which ${info.label} does not document; use one of ${info.statuses.join(', ')}.` });
  }
  const retry: Record<string, string> = decisions.retryAfter.send && RETRY_STATUSES.has(code) ? { 'retry-after': '1' } : {};
  return { status: code, headers: retry, body: info.example(code) };
}

/** Payload checks after authentication: size, content type and JSON syntax (operations with a body), empty query values, then Prism's diagnostics. */
function payloadError(request: MockRequest, parsed: Parsed, match: PrismMatch, deps: PipelineDeps, info: OperationInfo): VendorError | undefined {
  if (info.bodySchema) {
    // DECISIONS #21 (status and code: decisions.yaml `contentType`); a GET carries no body in the spec, so whatever a client sends with it is ignored.
    if (request.bodyTooLarge) return { code: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds ${BODY_LIMIT} bytes.` };
    const wrongType = contentTypeError(info.label, request.headers['content-type']);
    if (wrongType) return decidedError(deps.decisions.contentType, wrongType.message);
    if (!parsed.ok) return parsed.error;
    // Prism reads a JSON null as "no body"; say what was actually sent.
    if (parsed.body === null) return { code: 'INVALID_PAYLOAD', message: `Request body is JSON null; ${info.label} needs a JSON body.` };
  }
  const empty = emptyQueryError(request.query, info.query) ?? repeatedQueryError(request.repeatedQuery ?? [], info.query);
  if (empty) return empty;
  const decided = decideDiagnostics(match.diagnostics, request.headers, deps.decisions, parsed.ok ? parsed.body : undefined);
  if (decided.kept.length === 0) return undefined;
  const described = diagnosticsError(decided.kept, deps.spec, request.headers);
  return decided.refusal ? decidedError(decided.refusal, described.message) : described;
}

/**
 * What Prism validates: the body cut to the spec's limits (bounded CPU, same diagnostics), without the body headers.
 * Our own check above judges the real Content-Type; Prism would throw on a malformed one, even on GET, and judge a
 * GET body by its Content-Length.
 */
function prismInput(request: MockRequest, parsed: Parsed, target: OperationInfo | undefined) {
  const body = target?.bodySchema && parsed.ok ? clipToSchema(parsed.body, target.bodySchema) : undefined;
  // Without Content-Type and Content-Length Prism validates the body against the operation's one media type
  // (application/json) and parses no MIME header: it would throw on a malformed one, and parsing costs ~50 µs.
  const { 'content-type': _type, 'content-length': _length, ...headers } = request.headers;
  return { ...request, headers, body };
}

/** Answer one WUPEX request. Never throws: the twin's own failures become `[wupex-mock]` 500s. */
export function createPipeline(deps: PipelineDeps): (request: MockRequest) => Promise<MockResponse> {
  const { errors } = deps;
  return async (request) => {
    const target = deps.spec.find(request.method, request.path);
    const parsed = parseBody(request.bodyText, target);
    const routed = await deps.router.check(prismInput(request, parsed, target));
    if (!routed.ok) {
      if (routed.error.kind === 'failure') return errors.internal('PRISM_FAILURE', routed.error.detail);
      return errors.respond({ code: 'NOT_FOUND', message: `No WUPEX operation at ${request.method} ${shortened(request.path)}; see openapi/wupex.yaml for the five operations.` });
    }
    const match = routed.value;
    const info = deps.spec.operation(match.operationId);
    const handler = deps.handlers[match.operationId];
    if (!info || !handler) return errors.internal('NO_HANDLER', `no stateful handler for operation '${match.operationId}'.`);
    const fault = deps.faults.random();
    if (fault) return errors.respond(fault);
    const key = request.headers['x-api-key'];
    const account = key === undefined || match.missingCredentials ? undefined : deps.store.account(key);
    if (!account) return errors.respond({ code: 'UNAUTHORIZED', message: "Missing or invalid API key in header 'x-api-key'." });
    const limited = deps.faults.limit(account.key);
    if (limited) return errors.respond(limited);
    const prefer = preferredCode(request.headers);
    const success = match.operationId === 'pullCodes' ? deps.decisions.pullCodes.successStatus : 200;
    if (prefer !== undefined && prefer !== 200 && prefer !== success) return preferred(prefer, info, errors, deps.decisions);
    const invalid = payloadError(request, parsed, match, deps, info);
    if (invalid) return errors.respond(invalid);
    const answer = handler({ account, store: deps.store, decisions: deps.decisions, body: parsed.ok ? parsed.body : undefined, query: request.query });
    if (!answer.ok) return errors.respond(answer.error);
    // DECISIONS #12: pull-codes answers the decided success status (200 or 201).
    return { status: success, headers: {}, body: answer.value };
  };
}
