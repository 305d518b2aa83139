// createMockServer: the offline WUPEX sandbox twin, in-process (fetch) or on a loopback port (listen); reload() rebuilds it from disk.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/package-root.ts';
import { createRedactor, fingerprint } from '../src/secrets/redact.ts';
import { err, kitError, ok, type Result } from '../src/core/result.ts';
import { resolveDecisions, type Decisions, type LoadedDecisions } from '../src/spec/decisions.ts';
import { loadSpec, SPEC_PATH, type Document } from '../src/spec/spec.ts';
import { ADMIN_PREFIX, handleAdmin, type AdminDeps } from './admin.ts';
import { DEMO_ACCOUNTS, type MockAccount } from './demo-accounts.ts';
import { createErrorCatalogue, MOCK_PREFIX, type ErrorCatalogue, type MockResponse } from './errors.ts';
import { createFaults } from './faults.ts';
import { HANDLERS } from './handlers/index.ts';
import { createListener, type Handle } from './node-adapter.ts';
import { createPipeline, type MockRequest } from './pipeline.ts';
import { createPrismRouter } from './prism.ts';
import { createRandom } from './random.ts';
import type { ResponseValidator } from './response-validator.ts';
import { applyScenario, createFaultQueue, loadScenario, type FaultQueue, type Scenario } from './scenario.ts';
import { createSpecIndex } from './spec-index.ts';
import { createStore, type MockStore, type ProductRecord } from './store.ts';
import { createFetch } from './web-adapter.ts';

export type { MockAccount } from './demo-accounts.ts';
export type { MockStore } from './store.ts';
export type { Scenario } from './scenario.ts';

export interface MockServerOptions {
  accounts?: MockAccount[];
  faultRate?: number;
  rateLimit?: number;
  latencyMs?: number;
  /** Seed of serials, order names and faults. Unset: a fresh one per server (unique names per start), kept across resets. Set: reproducible, reseeded by every reset. */
  seed?: number;
  log?: (line: string) => void;
  /** The spec to serve (default the kit's openapi/wupex.yaml); its examples are read relative to it. */
  specPath?: string;
  /** The product catalogue (default the kit's mocks/fixtures/products.json). */
  fixturesPath?: string;
  /** A scenario applied at start and after every reset: the object, or a JSON file path (re-read by reload()). */
  scenario?: Scenario | string;
  /** Check every answer against the spec's response schemas and log `[wupex-mock] RESPONSE_INVALID` lines (a debug aid: costs time per request). */
  validateResponses?: boolean;
  /** The catalogue instead of mocks/fixtures/products.json (`npm run mock -- --catalogue PATH.har`). */
  products?: ProductRecord[];
  /** Starting balance and credit of every account (default the demo balance). */
  balance?: { balance: number; credit: number };
  /** The clock for order dates (a fixed one makes a recording reproducible); default Date.now. */
  now?: () => number;
  /**
   * The decided behaviours (issue 16): a decisions YAML file, or the object itself; default the kit's openapi/decisions.yaml.
   * Read and checked once at start (and by reload()), then frozen; an invalid entry refuses the start, naming it.
   */
  decisions?: string | Decisions | LoadedDecisions;
  /** Orders one account may hold before pullCodes answers `[wupex-mock] STORE_FULL` (default 100,000; D7). */
  maxOrdersPerAccount?: number;
}

export interface MockServer {
  fetch(request: Request): Promise<Response>;
  /** One request straight into the twin, no HTTP: what `npm run proxy -- --upstream mock` forwards to. Never throws. */
  answer(request: MockRequest): Promise<MockResponse>;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  /** The current state (a new one after reload()). */
  readonly store: MockStore;
  /** The seed in use (print it to repeat a run with --seed). */
  readonly seed: number;
  /** Restore the fixtures, clear queued faults and rate windows, re-apply the scenario (what POST /__mock/reset does). */
  reset(): void;
  /** Re-read the spec, its examples, the fixtures and the scenario file; on failure the running twin is kept and the error says why. */
  reload(): Promise<Result<void>>;
}

/** Defaults of the twin, in one place. */
export const MOCK_DEFAULTS = { port: 4010, host: '127.0.0.1', faultRate: 0, rateLimit: 0, latencyMs: 0 } as const;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

interface HandleDeps {
  pipeline: (request: MockRequest) => Promise<MockResponse>;
  admin: AdminDeps;
  errors: ErrorCatalogue;
  latencyMs: number;
  log?: (line: string) => void;
  redact: (text: string) => string;
  validator?: ResponseValidator;
}

/** Admin routes, latency, the 413 cap, the pipeline, and one log line per request; never throws. */
function createHandle(deps: HandleDeps): Handle {
  const answer = async (request: MockRequest, tooLarge: boolean): Promise<MockResponse> => {
    if (request.path.startsWith(ADMIN_PREFIX)) return handleAdmin(request, deps.admin);
    if (deps.latencyMs > 0) await sleep(deps.latencyMs);
    // A queued scenario fault answers like `Prefer: code=N`: the documented status with the spec's named example.
    const queued = deps.admin.faults.take(request.method, request.path);
    const asked = queued === undefined ? request : { ...request, headers: { ...request.headers, prefer: `code=${queued}` } };
    return deps.pipeline(tooLarge ? { ...asked, bodyText: undefined, bodyTooLarge: true } : asked);
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

interface Twin {
  handle: Handle;
  store: MockStore;
  reset(): void;
  /** The code sent with 400 (decisions codesByStatus): also what node's parser-level refusals carry. */
  invalidCode: string;
}

/** The scenario of the options: the object itself, or the checked content of its file. */
function scenarioOf(option: Scenario | string | undefined): Result<Scenario | undefined> {
  return typeof option === 'string' ? loadScenario(option) : ok(option);
}

/** The spec and the catalogue, read from disk now (so reload() sees edits); a broken file is an error value naming it. */
function readInputs(options: MockServerOptions): Result<{ specPath: string; spec: Document; products: ProductRecord[] }> {
  const specPath = options.specPath ?? SPEC_PATH;
  try {
    const spec = loadSpec(specPath);
    const products = options.products ?? (JSON.parse(readFileSync(options.fixturesPath ?? resolve(PACKAGE_ROOT, 'mocks/fixtures/products.json'), 'utf8')) as ProductRecord[]);
    return ok({ specPath, spec, products });
  } catch (cause) {
    return err(kitError('SPEC_INVALID', `${MOCK_PREFIX} SPEC_INVALID: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: 'Run `npm run lint:spec`; fix the file named.', cause }));
  }
}

/** Build every part of a twin from the spec, fixtures and scenario on disk; a broken input is an error value. */
async function buildTwin(options: MockServerOptions, seed: number): Promise<Result<Twin>> {
  const inputs = readInputs(options);
  if (!inputs.ok) return inputs;
  const { specPath, spec, products } = inputs.value;
  const router = await createPrismRouter(spec, specPath);
  if (!router.ok) return router;
  const scenario = scenarioOf(options.scenario);
  if (!scenario.ok) return scenario;
  const decisions = resolveDecisions(options.decisions);
  if (!decisions.ok) return decisions;
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  const store = createStore({ accounts, products, seed, reseedOnReset: options.seed !== undefined, now: options.now, balance: options.balance, maxOrders: options.maxOrdersPerAccount });
  const faults = createFaults({ faultRate: options.faultRate ?? 0, rateLimit: options.rateLimit ?? 0, random: createRandom(seed ^ 0x5eed) });
  const queue: FaultQueue = createFaultQueue(spec);
  const reset = (): void => {
    store.reset();
    faults.reset();
    queue.reset();
    if (scenario.value) applyScenario(scenario.value, store, queue);
  };
  if (scenario.value) {
    const applied = applyScenario(scenario.value, store, queue);
    if (!applied.ok) return applied;
  }
  const errors = createErrorCatalogue(spec, decisions.value);
  // Loaded only when asked for: ajv and the schema compile cost start-up time the hot path never needs.
  const validator = options.validateResponses ? (await import('./response-validator.ts')).createResponseValidator(spec) : undefined;
  const pipeline = createPipeline({ router: router.value, spec: createSpecIndex(spec), errors, store, faults, handlers: HANDLERS, decisions: decisions.value });
  const handle = createHandle({
    pipeline,
    admin: { store, faults: queue, reset },
    errors,
    latencyMs: options.latencyMs ?? 0,
    log: options.log,
    redact: createRedactor(accounts.map((a) => a.key)),
    validator,
  });
  return ok({ handle, store, reset, invalidCode: decisions.value.codesByStatus['400'] ?? 'INVALID_PAYLOAD' });
}

/** Build a twin: loads the spec and the Prism operations once, and fresh state from the fixtures. Throws on a broken spec or scenario. */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const seed = options.seed ?? randomBytes(4).readUInt32BE(0);
  const built = await buildTwin(options, seed);
  if (!built.ok) throw new Error(built.error.message, { cause: built.error.cause });
  let twin = built.value;
  const listener = createListener((request, tooLarge) => twin.handle(request, tooLarge), twin.invalidCode);
  return {
    get store() {
      return twin.store;
    },
    seed,
    fetch: createFetch((request, tooLarge) => twin.handle(request, tooLarge)),
    answer: (request) => twin.handle(request, false),
    listen: (port = MOCK_DEFAULTS.port, host = MOCK_DEFAULTS.host) => listener.listen(port, host),
    close: listener.close,
    reset: () => twin.reset(),
    reload: async () => {
      const next = await buildTwin(options, seed);
      if (!next.ok) return next;
      twin = next.value;
      return ok(undefined);
    },
  };
}
