// createMockServer: the offline WUPEX sandbox twin, in-process (fetch) or on a loopback port (listen).
import type { Server } from 'node:http';
import { createRedactor, fingerprint } from '../scripts/lib/redact.ts';
import { loadSpec, SPEC_PATH } from '../scripts/lib/spec.ts';
import { ADMIN_PREFIX, handleAdmin } from './admin.ts';
import { DEMO_ACCOUNTS, type MockAccount } from './demo-accounts.ts';
import { createErrorCatalogue, MOCK_PREFIX, type MockResponse } from './errors.ts';
import { createFaults } from './faults.ts';
import { HANDLERS } from './handlers/index.ts';
import { BODY_LIMIT, createNodeServer, splitUrl } from './node-adapter.ts';
import { createPipeline, type MockRequest } from './pipeline.ts';
import { createPrismRouter } from './prism.ts';
import { createRandom } from './random.ts';
import { createSpecIndex } from './spec-index.ts';
import { createStore, type MockStore, type ProductRecord } from './store.ts';
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

/** Build a twin: loads the spec and the Prism operations once, and fresh state from the fixtures. */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const spec = loadSpec();
  const router = await createPrismRouter(SPEC_PATH);
  if (!router.ok) throw new Error(`${MOCK_PREFIX} ${router.error.code}: ${router.error.message}`, { cause: router.error.cause });
  const seed = options.seed ?? MOCK_DEFAULTS.seed;
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  // A key pasted into a path must not reach the log either.
  const redact = createRedactor(accounts.map((a) => a.key));
  const store = createStore({ accounts, products: productsFixture as ProductRecord[], seed });
  const faults = createFaults({ faultRate: options.faultRate ?? 0, rateLimit: options.rateLimit ?? 0, random: createRandom(seed ^ 0x5eed) });
  const errors = createErrorCatalogue(spec);
  const pipeline = createPipeline({ router: router.value, spec: createSpecIndex(spec), errors, store, faults, handlers: HANDLERS });
  const latencyMs = options.latencyMs ?? 0;
  const log = options.log;

  const answer = async (request: MockRequest, tooLarge: boolean): Promise<MockResponse> => {
    if (request.path.startsWith(ADMIN_PREFIX)) return handleAdmin(request.method, request.path, store, faults.reset);
    if (latencyMs > 0) await sleep(latencyMs);
    if (tooLarge) return errors.respond({ code: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds ${BODY_LIMIT} bytes.` });
    return pipeline(request);
  };
  const handle = async (request: MockRequest, tooLarge: boolean): Promise<MockResponse> => {
    const started = performance.now();
    let response: MockResponse;
    try {
      response = await answer(request, tooLarge);
    } catch (cause) {
      response = errors.internal('UNEXPECTED', cause instanceof Error ? cause.message : String(cause));
    }
    log?.(`${request.method} ${redact(request.path)} ${response.status} ${(performance.now() - started).toFixed(1)}ms ${fingerprint(request.headers['x-api-key'])}`);
    return response;
  };

  let server: Server | undefined;
  return {
    store,
    fetch: async (request) => {
      const { method, headers, tooLarge, text } = await readWebRequest(request);
      const url = new URL(request.url);
      const answer = await handle({ method, path: url.pathname, query: splitUrl(`?${url.search.slice(1)}`).query, headers, bodyText: text }, tooLarge);
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
    },
    listen: (port = MOCK_DEFAULTS.port, host = MOCK_DEFAULTS.host) =>
      new Promise((resolve, reject) => {
        const created = createNodeServer(handle);
        created.once('error', reject);
        created.listen(port, host, () => {
          server = created;
          const address = created.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve({ url: `http://${host}:${actual}`, port: actual });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        const closing = server;
        server = undefined;
        closing.close(() => resolve());
        closing.closeAllConnections();
      }),
  };
}

/** The web Request as the pipeline wants it: lower-case headers, the body text under the 64 KiB cap. */
async function readWebRequest(request: Request): Promise<{ method: string; headers: Record<string, string>; tooLarge: boolean; text: string | undefined }> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (Number(headers['content-length'] ?? 0) > BODY_LIMIT) return { method: request.method, headers, tooLarge: true, text: undefined };
  const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
  if (bytes.length > BODY_LIMIT) return { method: request.method, headers, tooLarge: true, text: undefined };
  return { method: request.method, headers, tooLarge: false, text: bytes.length ? new TextDecoder().decode(bytes) : undefined };
}
