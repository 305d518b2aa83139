// createMockServer: the offline WUPEX sandbox twin, in-process (fetch) or on a loopback port (listen).
import { createRedactor, fingerprint } from '../scripts/lib/redact.ts';
import { loadSpec, SPEC_PATH } from '../scripts/lib/spec.ts';
import { ADMIN_PREFIX, handleAdmin } from './admin.ts';
import { DEMO_ACCOUNTS, type MockAccount } from './demo-accounts.ts';
import { createErrorCatalogue, MOCK_PREFIX, type ErrorCatalogue, type MockResponse } from './errors.ts';
import { createFaults } from './faults.ts';
import { HANDLERS } from './handlers/index.ts';
import { createListener, type Handle } from './node-adapter.ts';
import { createPipeline, type MockRequest } from './pipeline.ts';
import { createPrismRouter } from './prism.ts';
import { createRandom } from './random.ts';
import { createResponseValidator, type ResponseValidator } from './response-validator.ts';
import { createSpecIndex } from './spec-index.ts';
import { createStore, type MockStore, type ProductRecord } from './store.ts';
import { createFetch } from './web-adapter.ts';
import productsFixture from './fixtures/products.json' with { type: 'json' };

export type { MockAccount } from './demo-accounts.ts';
export type { MockStore } from './store.ts';

export interface MockServerOptions {
  accounts?: MockAccount[];
  faultRate?: number;
  rateLimit?: number;
  latencyMs?: number;
  seed?: number;
  log?: (line: string) => void;
  /** Check every answer against the spec's response schemas and log `[wupex-mock] RESPONSE_INVALID` lines (a debug aid: costs time per request). */
  validateResponses?: boolean;
  /** The catalogue instead of mocks/fixtures/products.json (`npm run mock -- --catalogue PATH.har`). */
  products?: ProductRecord[];
  /** Starting balance and credit of every account (default the demo balance). */
  balance?: { balance: number; credit: number };
  /** The clock for order dates (a fixed one makes a recording reproducible); default Date.now. */
  now?: () => number;
}

export interface MockServer {
  fetch(request: Request): Promise<Response>;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  store: MockStore;
}

/** Defaults of the twin, in one place. */
export const MOCK_DEFAULTS = { port: 4010, host: '127.0.0.1', faultRate: 0, rateLimit: 0, latencyMs: 0, seed: 1 } as const;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

interface HandleDeps {
  pipeline: (request: MockRequest) => Promise<MockResponse>;
  store: MockStore;
  errors: ErrorCatalogue;
  onReset: () => void;
  latencyMs: number;
  log?: (line: string) => void;
  redact: (text: string) => string;
  validator?: ResponseValidator;
}

/** Admin routes, latency, the 413 cap, the pipeline, and one log line per request; never throws. */
function createHandle(deps: HandleDeps): Handle {
  const answer = async (request: MockRequest, tooLarge: boolean): Promise<MockResponse> => {
    if (request.path.startsWith(ADMIN_PREFIX)) return handleAdmin(request.method, request.path, deps.store, deps.onReset);
    if (deps.latencyMs > 0) await sleep(deps.latencyMs);
    return deps.pipeline(tooLarge ? { ...request, bodyText: undefined, bodyTooLarge: true } : request);
  };
  return async (request, tooLarge) => {
    const started = performance.now();
    let response: MockResponse;
    try {
      response = await answer(request, tooLarge);
    } catch (cause) {
      response = deps.errors.internal('UNEXPECTED', cause instanceof Error ? cause.message : String(cause));
    }
    // The key appears only as its fingerprint; a key pasted into the path is redacted too.
    deps.log?.(`${request.method} ${deps.redact(request.path)} ${response.status} ${(performance.now() - started).toFixed(1)}ms ${fingerprint(request.headers['x-api-key'])}`);
    const violation = deps.validator?.validate(request.method, request.path, response.status, response.body);
    if (violation) deps.log?.(deps.redact(`${MOCK_PREFIX} RESPONSE_INVALID ${violation.where}: ${violation.message}`));
    return response;
  };
}

/** Build a twin: loads the spec and the Prism operations once, and fresh state from the fixtures. */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const spec = loadSpec();
  const router = await createPrismRouter(spec, SPEC_PATH);
  if (!router.ok) throw new Error(`${MOCK_PREFIX} ${router.error.code}: ${router.error.message}`, { cause: router.error.cause });
  const seed = options.seed ?? MOCK_DEFAULTS.seed;
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  const store = createStore({ accounts, products: options.products ?? (productsFixture as ProductRecord[]), seed, now: options.now, balance: options.balance });
  const faults = createFaults({ faultRate: options.faultRate ?? 0, rateLimit: options.rateLimit ?? 0, random: createRandom(seed ^ 0x5eed) });
  const errors = createErrorCatalogue(spec);
  const pipeline = createPipeline({ router: router.value, spec: createSpecIndex(spec), errors, store, faults, handlers: HANDLERS });
  const handle = createHandle({
    pipeline,
    store,
    errors,
    onReset: faults.reset,
    latencyMs: options.latencyMs ?? 0,
    log: options.log,
    redact: createRedactor(accounts.map((a) => a.key)),
    validator: options.validateResponses ? createResponseValidator(spec) : undefined,
  });
  const listener = createListener(handle);
  return {
    store,
    fetch: createFetch(handle),
    listen: (port = MOCK_DEFAULTS.port, host = MOCK_DEFAULTS.host) => listener.listen(port, host),
    close: listener.close,
  };
}
