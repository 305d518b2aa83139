// The twin inside a user's own tests: startWupexTwin (any code) and useWupexTwin (any runner with before/after hooks; vitest's found by itself).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { createMockServer, type MockServer, type MockServerOptions } from './server.ts';
import type { MockStore } from './store.ts';

/** A running twin on a free loopback port. */
export interface WupexTwin {
  /** `http://127.0.0.1:<port>`: give it to your client as WUPEX_BASE_URL. */
  baseUrl: string;
  /** The keys the twin accepts (the demo keys unless `accounts` was given), and their merchant codes, index for index. */
  keys: string[];
  merchantCodes: string[];
  /** The first account's key and merchant code (keys[0], merchantCodes[0] without an index that may be undefined). */
  key: string;
  merchantCode: string;
  /** Restore the fixtures, clear queued faults, re-apply the scenario. */
  reset(): void;
  store: MockStore;
  server: MockServer;
  close(): Promise<void>;
}

type Hook = (fn: () => unknown, timeout?: number) => unknown;

/** The hook functions of your runner: vitest/jest names, or node:test's before/after under these names. */
export interface TwinHooks {
  beforeAll: Hook;
  afterEach: Hook;
  afterAll: Hook;
}

export interface UseWupexTwinOptions extends MockServerOptions {
  /** Your runner's hooks; default: vitest's (or global beforeAll/afterEach/afterAll, as with jest or vitest `globals`). */
  hooks?: TwinHooks;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port to listen on; default 0 (a free port, read it from baseUrl). A fixed port in use fails the start with EADDRINUSE. */
  port?: number;
}

/** Start a twin on a free port (port 0); call close() when done. */
export async function startWupexTwin(options: Omit<UseWupexTwinOptions, 'hooks'> = {}): Promise<WupexTwin> {
  const { host = '127.0.0.1', port = 0, ...serverOptions } = options;
  const accounts = serverOptions.accounts ?? DEMO_ACCOUNTS;
  const first = accounts[0];
  if (!first) throw new Error('[wupex-kit] NO_ACCOUNTS: startWupexTwin({ accounts: [] }) has no account to accept; give at least one { key, merchantCode, ... } or leave accounts out for the demo accounts.');
  const server = await createMockServer(serverOptions);
  const address = await server.listen(port, host);
  return {
    baseUrl: address.url,
    keys: accounts.map((a) => a.key),
    merchantCodes: accounts.map((a) => a.merchantCode),
    key: first.key,
    merchantCode: first.merchantCode,
    reset: () => server.reset(),
    get store() {
      return server.store;
    },
    server,
    close: () => server.close(),
  };
}

/** vitest's hooks when none are given: globals first (jest, vitest `globals: true`), then the vitest package itself. */
function findHooks(): TwinHooks {
  const g = globalThis as Partial<TwinHooks>;
  if (g.beforeAll && g.afterEach && g.afterAll) return { beforeAll: g.beforeAll, afterEach: g.afterEach, afterAll: g.afterAll };
  try {
    // vitest's `require` entry only throws; load its ESM entry (require(esm): Node 20.19+ and 22.12+; the kit needs those anyway), the same instance your test file imports.
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('vitest/package.json');
    return require(join(dirname(manifest), 'dist/index.js')) as TwinHooks;
  } catch (cause) {
    throw new Error('[wupex-kit] NO_TEST_HOOKS: useWupexTwin() found no beforeAll/afterEach/afterAll. Pass your runner\'s: useWupexTwin({ hooks: { beforeAll: before, afterEach, afterAll: after } }) for node:test, or call startWupexTwin().', { cause });
  }
}

const NOT_STARTED = '[wupex-kit] TWIN_NOT_STARTED: useWupexTwin() starts the twin in beforeAll; read its fields inside a test or a later hook.';

/**
 * Register a twin for this test file: started before the first test on a free port, reset after each test, closed after the last.
 * The returned object's fields are live once beforeAll has run.
 */
export function useWupexTwin(options: UseWupexTwinOptions = {}): Omit<WupexTwin, 'close'> {
  const { hooks = findHooks(), ...twinOptions } = options;
  let twin: WupexTwin | undefined;
  const current = (): WupexTwin => {
    if (!twin) throw new Error(NOT_STARTED);
    return twin;
  };
  hooks.beforeAll(async () => {
    twin = await startWupexTwin(twinOptions);
  }, 30_000);
  hooks.afterEach(() => twin?.reset());
  hooks.afterAll(async () => {
    await twin?.close();
    twin = undefined;
  });
  return {
    get baseUrl() { return current().baseUrl; },
    get keys() { return current().keys; },
    get merchantCodes() { return current().merchantCodes; },
    get key() { return current().key; },
    get merchantCode() { return current().merchantCode; },
    get store() { return current().store; },
    get server() { return current().server; },
    reset: () => current().reset(),
  };
}
