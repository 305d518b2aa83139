// The bench: the twin and the plain Prism CLI, same request, same load, alternating rounds; returns the figures.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { runLoad, type LoadFigures, type LoadRequest } from './bench-load.ts';
import { startTwinProcess } from './bench-twin.ts';
import { sendOutbound } from '../http/outbound.ts';
import { freePort, startPrismCli } from '../process/prism-cli.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';

export type BenchOperation = 'getBalance' | 'listProducts';

export const BENCH_OPERATIONS: readonly BenchOperation[] = ['getBalance', 'listProducts'];

/** `warmupSec`: an unrecorded load per server and operation first, so JIT compilation does not land in round 1's p99. */
export const BENCH_DEFAULTS = { rounds: 3, durationSec: 5, connections: 10, operation: 'getBalance', warmupSec: 3 } as const;

export interface BenchOptions {
  rounds: number;
  durationSec: number;
  connections: number;
  /** The operation the proxy bench drives (the twin/Prism bench drives `operations`). */
  operation: BenchOperation;
  /** Progress lines ("round 1/3: twin ..."). */
  progress: (line: string) => void;
}

export interface ServerFigures {
  name: 'twin' | 'prism';
  /** Spawn to the first 200 answer (the process printing "listening", then answering the benchmarked request). */
  startupMs: number;
  rounds: LoadFigures[];
}

/** One operation's rounds for both servers. */
export interface OperationFigures {
  operation: BenchOperation;
  twin: ServerFigures;
  prism: ServerFigures;
}

/** The demo key is a public, fake value that only opens the twin (mocks/demo-accounts.ts); plain Prism accepts any key. */
const DEMO_KEY = DEMO_ACCOUNTS[0].key;

export function requestFor(operation: BenchOperation, baseUrl: string): LoadRequest {
  const headers = { 'x-api-key': DEMO_KEY, 'accept-language': 'en-US' };
  if (operation === 'getBalance') return { url: `${baseUrl}/api/customer/balance`, method: 'GET', headers };
  return { url: `${baseUrl}/api/product/merchant/invited/list`, method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"page":1,"pageSize":20}' };
}

/** The first answer after start-up: 200 and how long it took. */
async function expect200Timed(name: string, request: LoadRequest): Promise<Result<number>> {
  const started = performance.now();
  const checked = await expect200(name, request);
  return checked.ok ? ok(performance.now() - started) : checked;
}

/** Both servers must answer the benchmarked request with 200, or the comparison means nothing. */
async function expect200(name: string, request: LoadRequest): Promise<Result<true>> {
  // The one outbound path (src/http), like every other call the kit makes to a WUPEX-shaped server.
  const answer = await sendOutbound({ method: request.method, url: request.url, headers: request.headers, body: request.body });
  if (!answer.ok) return err(kitError('BENCH_UNREACHABLE', `${name} did not answer ${request.method} ${request.url}.`, { cause: answer.error }));
  if (answer.value.status === 200) return ok(true);
  return err(kitError('BENCH_BAD_ANSWER', `${name} answered ${answer.value.status} to ${request.method} ${request.url}; expected 200.`));
}

type Started = { name: 'twin' | 'prism'; url: string; startupMs: number };

/** Alternating rounds (twin first on odd rounds) of one operation on both servers. */
async function benchOperation(operation: BenchOperation, servers: Started[], options: BenchOptions): Promise<Result<OperationFigures>> {
  const rows = servers.map((server) => ({ server, request: requestFor(operation, server.url), figures: { name: server.name, startupMs: server.startupMs, rounds: [] as LoadFigures[] } }));
  for (const row of rows) {
    const checked = await expect200(row.server.name, row.request);
    if (!checked.ok) return checked;
    await runLoad(row.request, { connections: options.connections, durationSec: BENCH_DEFAULTS.warmupSec });
  }
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const row of round % 2 === 1 ? rows : [...rows].reverse()) {
      const figures = await runLoad(row.request, { connections: options.connections, durationSec: options.durationSec });
      options.progress(`${operation} round ${round}/${options.rounds}: ${row.server.name} ${Math.round(figures.requestsPerSec)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}`);
      row.figures.rounds.push(figures);
    }
  }
  return ok({ operation, twin: rows[0].figures, prism: rows[1].figures });
}

/**
 * Start both servers (start-up = spawn to "listening", plus the first answer to getBalance), then bench each
 * operation in turn on the same two processes; always stop both.
 */
export async function runBench(options: BenchOptions & { operations: readonly BenchOperation[] }): Promise<Result<OperationFigures[]>> {
  const twin = await startTwinProcess(await freePort());
  if (!twin.ok) return twin;
  const first = await expect200Timed('the twin', requestFor('getBalance', twin.value.url));
  const prism = await startPrismCli({ port: await freePort() });
  if (!prism.ok || !first.ok) {
    await Promise.all([twin.value.close(), prism.ok ? prism.value.close() : undefined]);
    return prism.ok ? (first as Result<never>) : prism;
  }
  try {
    const prismFirst = await expect200Timed('plain Prism', requestFor('getBalance', prism.value.url));
    if (!prismFirst.ok) return prismFirst;
    const servers: Started[] = [
      { name: 'twin', url: twin.value.url, startupMs: Math.round(twin.value.startupMs + first.value) },
      { name: 'prism', url: prism.value.url, startupMs: Math.round(prism.value.startupMs + prismFirst.value) },
    ];
    const out: OperationFigures[] = [];
    for (const operation of options.operations) {
      const figures = await benchOperation(operation, servers, options);
      if (!figures.ok) return figures;
      out.push(figures.value);
    }
    return ok(out);
  } finally {
    await Promise.all([twin.value.close(), prism.value.close()]);
  }
}

/** createMockServer() in this process, as a test file's beforeAll would call it: the module import, then the call. */
export async function measureInProcessStartup(): Promise<{ importMs: number; createMs: number }> {
  const started = performance.now();
  const { createMockServer } = await import('../../mocks/server.ts');
  const imported = performance.now();
  const server = await createMockServer();
  const created = performance.now();
  await server.close();
  return { importMs: Math.round(imported - started), createMs: Math.round(created - imported) };
}
