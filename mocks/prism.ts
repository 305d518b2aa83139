// The ONLY adapter to @stoplight/prism-http: routes and validates a request against the spec, and returns a Result.
import type { IPrismComponents } from '@stoplight/prism-core';
import type { IHttpConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { err, kitError, ok, type Result } from '../src/core/result.ts';
import { loadSpec } from '../src/spec/spec.ts';
import { loadVendored } from '../src/spec/vendor.ts';
import { MOCK_PREFIX } from './errors.ts';
import { pathSegments, sameSegments } from './paths.ts';

/** The request as the twin hands it to Prism: lower-case header names, single-valued query. */
export interface PrismInput {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** One problem Prism found with a request: where (`['body','page']`) and what. */
export interface PrismDiagnostic {
  path: string[];
  code: string;
  message: string;
}

/** Why Prism refused a request, in our words (no problem+json ever leaves this file). */
export type PrismRejection =
  | { kind: 'no-route'; detail: string }
  | { kind: 'no-method'; detail: string }
  | { kind: 'failure'; detail: string };

/** A routed request: the operation and every problem Prism saw (security presence first). */
export interface PrismMatch {
  operationId: string;
  /** True when Prism found no accepted security credential (the header is absent). */
  missingCredentials: boolean;
  diagnostics: PrismDiagnostic[];
}

export interface PrismRouter {
  /** Route and validate one request (body, query, headers, security). Never throws. */
  check(input: PrismInput): Promise<Result<PrismMatch, PrismRejection>>;
}

type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };
type RawDiagnostic = { path?: string[]; code?: string | number; message: string };
type NoOp = () => void;
type SilentLogger = Record<'info' | 'debug' | 'warn' | 'error' | 'trace' | 'fatal' | 'success' | 'log', NoOp> & {
  child: () => SilentLogger;
  level: string;
};

/** A pino-compatible logger that does nothing: Prism's logging is a known hot cost. */
function silentLogger(): SilentLogger {
  const noop: NoOp = () => undefined;
  const logger = { info: noop, debug: noop, warn: noop, error: noop, trace: noop, fatal: noop, success: noop, log: noop, level: 'silent' } as SilentLogger;
  logger.child = () => logger;
  return logger;
}

/*
 * prism-http's createInstance(config, components) is prism-core's factory with prism-http's router, validators,
 * mocker and forwarder as defaults. Its index also loads the mocker (faker, json-schema-faker: ~1.4 s of start-up
 * on 2 cores) that the twin never calls, so we compose the same factory from the same modules, minus the mocker.
 */
const load = loadVendored('prism').require;
const { factory } = load('@stoplight/prism-core') as typeof import('@stoplight/prism-core');
const route = (load('@stoplight/prism-http/dist/router/index.js') as { default: HttpComponents['route'] }).default;
const validators = load('@stoplight/prism-http/dist/validator/index.js') as Pick<HttpComponents, 'validateInput' | 'validateOutput' | 'validateSecurity'>;
/*
 * prism-http's getHttpOperationsFromSpec reads, parses and dereferences the file, then transforms it with
 * @stoplight/http-spec; its module also loads the Postman and Swagger 2 transformers and an HTTP $ref resolver
 * (~1,400 files). The twin hands over the spec it has already loaded and resolved, so only the OAS 3 transform runs.
 */
const { transformOas3Operations } = load('@stoplight/http-spec/oas3/operation') as { transformOas3Operations(document: object): IHttpOperation[] };

type HttpComponents = IPrismComponents<IHttpOperation, IHttpRequest, IHttpResponse, IHttpConfig>;

const PRISM_CONFIG = {
  checkSecurity: true,
  validateRequest: true,
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false as const,
  mock: { dynamic: false },
};

/** Stand-in for Prism's negotiator: the stateful handlers answer, so Prism only needs to route and validate. */
const passThroughMock = () => () => ({ _tag: 'Right' as const, right: { statusCode: 0 } });

function toDiagnostics(raw: RawDiagnostic[]): { missingCredentials: boolean; diagnostics: PrismDiagnostic[] } {
  const missingCredentials = raw.some((d) => d.code === 401);
  const diagnostics = raw
    .filter((d) => d.code !== 401)
    .map((d) => ({ path: d.path ?? [], code: String(d.code ?? 'invalid'), message: d.message }));
  return { missingCredentials, diagnostics };
}

function toRejection(error: { name?: string; detail?: string; message?: string }): PrismRejection {
  const detail = error.detail ?? error.message ?? 'unknown routing failure';
  if (error.name?.endsWith('NO_PATH_MATCHED_ERROR')) return { kind: 'no-route', detail };
  if (error.name?.endsWith('NO_METHOD_MATCHED_ERROR')) return { kind: 'no-method', detail };
  return { kind: 'failure', detail };
}

/**
 * Build the spec's operations ONCE and ONE Prism instance for the server's lifetime, from the spec as loadSpec gives
 * it (every $ref resolved, no cycles; pass it when already loaded) or from its path. Prism works on a copy.
 */
export async function createPrismRouter(spec: string | object, source = typeof spec === 'string' ? spec : 'the spec'): Promise<Result<PrismRouter>> {
  let operations: IHttpOperation[];
  try {
    operations = transformOas3Operations(typeof spec === 'string' ? loadSpec(spec) : structuredClone(spec));
  } catch (cause) {
    return err(kitError('SPEC_INVALID', `${MOCK_PREFIX} SPEC_INVALID: Prism could not read ${source}.`, { hint: 'Run `npm run lint:spec`.', cause }));
  }
  const components = {
    route,
    ...validators,
    logger: silentLogger(),
    mock: passThroughMock,
    forward: () => () => async () => ({ _tag: 'Left', left: new Error('the twin never forwards') }),
  } as unknown as HttpComponents;
  const prism = factory<IHttpOperation, IHttpRequest, IHttpResponse, IHttpConfig>(PRISM_CONFIG as IHttpConfig, components);
  const byId = new Map(operations.map((op) => [op, op.iid ?? op.id]));
  const routes = operations.map((op) => ({ op, segments: pathSegments(op.path) }));
  const memo = memoValidation();
  const check = async (input: PrismInput): Promise<Result<PrismMatch, PrismRejection>> => {
    const request = {
      method: input.method.toLowerCase(),
      url: { path: input.path, query: input.query },
      headers: input.headers,
      body: input.body,
    } as IHttpRequest;
    try {
      // The operation is found as Prism's router finds it (routing builds a URI template per candidate, a per-request
      // cost) and validated by Prism's validators. No match: Prism routes among all of them, for its no-route / no-method answer.
      const matched = findOperation(routes, input);
      if (matched) return ok({ operationId: byId.get(matched) ?? '', ...memo(matched, request) });
      const outcome = (await prism.request(request, operations)()) as Either<Error, unknown>;
      if (outcome._tag === 'Left') return err(toRejection(outcome.left));
      return err({ kind: 'failure', detail: `no operation for ${input.method} ${input.path}` });
    } catch (cause) {
      return err({ kind: 'failure', detail: cause instanceof Error ? cause.message : String(cause) });
    }
  };
  return ok({ check });
}

/** The most validations remembered, and the longest request (as its key) remembered: at most about 2 MiB of keys. */
export const VALIDATION_MEMO = { entries: 512, keyChars: 4096 } as const;

/**
 * Prism's verdict on a request is a pure function of what it reads (method, path, query, headers, body), so identical
 * requests (an app polling its balance) are validated once. Bounded: a request whose key is longer is validated every
 * time; past `entries` the oldest verdict is dropped (insertion order).
 */
function memoValidation() {
  const known = new Map<string, Omit<PrismMatch, 'operationId'>>();
  return (operation: IHttpOperation, request: IHttpRequest): Omit<PrismMatch, 'operationId'> => {
    const key = JSON.stringify([operation.id, request.url.path, request.url.query, request.headers, request.body ?? null]);
    const remembered = key.length <= VALIDATION_MEMO.keyChars ? known.get(key) : undefined;
    if (remembered) return remembered;
    // Shared by every identical request: frozen, so no caller can change another request's verdict.
    const raw = toDiagnostics(validate(operation, request));
    const verdict = Object.freeze({ ...raw, diagnostics: Object.freeze(raw.diagnostics.map((d) => Object.freeze({ ...d, path: Object.freeze([...d.path]) }))) }) as Omit<PrismMatch, 'operationId'>;
    if (key.length <= VALIDATION_MEMO.keyChars) {
      if (known.size >= VALIDATION_MEMO.entries) known.delete(known.keys().next().value!);
      known.set(key, verdict);
    }
    return verdict;
  };
}

/**
 * What prism-core's factory does for a routed operation under PRISM_CONFIG (checkSecurity, validateRequest): Prism's
 * security and input validators, their diagnostics concatenated in that order. Called directly: the factory's TaskEither
 * pipeline and the router's URI template per call cost about a third of a validation, and the operation is already known.
 */
function validate(resource: IHttpOperation, element: IHttpRequest): RawDiagnostic[] {
  const outcomes = [validators.validateSecurity({ resource, element }), validators.validateInput({ resource, element })] as Array<Either<RawDiagnostic[], unknown>>;
  return outcomes.flatMap((outcome) => (outcome._tag === 'Left' ? outcome.left : []));
}

/** Our spec has only literal paths, so the routed operation is the one with this method and path, compared as Prism's router does. */
function findOperation(routes: Array<{ op: IHttpOperation; segments: string[] }>, input: PrismInput): IHttpOperation | undefined {
  const method = input.method.toLowerCase();
  const segments = pathSegments(input.path);
  return routes.find(({ op, segments: own }) => op.method === method && sameSegments(segments, own))?.op;
}
