// The bench: the twin and the plain Prism CLI, same request, same load, alternating rounds; returns the figures.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { runLoad, type LoadFigures, type LoadRequest } from './bench-load.ts';
import { startTwinProcess } from './bench-twin.ts';
import { sendOutbound } from './http/outbound.ts';
import { freePort, startPrismCli } from './prism-cli.ts';
import { err, kitError, ok, type Result } from './result.ts';

export const BENCH_DEFAULTS = { rounds: 3, durationSec: 5, connections: 10, operation: 'getBalance' } as const;

export type BenchOperation = 'getBalance' | 'listProducts';

export interface BenchOptions {
  rounds: number;
  durationSec: number;
  connections: number;
  operation: BenchOperation;
  /** Progress lines ("round 1/3: twin ..."). */
  progress: (line: string) => void;
}

export interface ServerFigures {
  name: 'twin' | 'prism';
  startupMs: number;
  rounds: LoadFigures[];
}

/** The demo key is a public, fake value that only opens the twin (mocks/demo-accounts.ts); plain Prism accepts any key. */
const DEMO_KEY = DEMO_ACCOUNTS[0].key;

export function requestFor(operation: BenchOperation, baseUrl: string): LoadRequest {
  const headers = { 'x-api-key': DEMO_KEY, 'accept-language': 'en-US' };
  if (operation === 'getBalance') return { url: `${baseUrl}/api/customer/balance`, method: 'GET', headers };
  return { url: `${baseUrl}/api/product/merchant/invited/list`, method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"page":1,"pageSize":20}' };
}

/** Both servers must answer the benchmarked request with 200, or the comparison means nothing. */
async function expect200(name: string, request: LoadRequest): Promise<Result<true>> {
  // The one outbound path (scripts/lib/http), like every other call the kit makes to a WUPEX-shaped server.
  const answer = await sendOutbound({ method: request.method, url: request.url, headers: request.headers, body: request.body });
  if (!answer.ok) return err(kitError('BENCH_UNREACHABLE', `${name} did not answer ${request.method} ${request.url}.`, { cause: answer.error }));
  if (answer.value.status === 200) return ok(true);
  return err(kitError('BENCH_BAD_ANSWER', `${name} answered ${answer.value.status} to ${request.method} ${request.url}; expected 200.`));
}

/** Start both servers, check them, run alternating rounds (twin first on odd rounds), always stop both. */
export async function runBench(options: BenchOptions): Promise<Result<{ twin: ServerFigures; prism: ServerFigures }>> {
  const twin = await startTwinProcess(await freePort());
  if (!twin.ok) return twin;
  const prism = await startPrismCli({ port: await freePort() });
  if (!prism.ok) {
    await twin.value.close();
    return prism;
  }
  try {
    const servers = [
      { name: 'twin' as const, request: requestFor(options.operation, twin.value.url), figures: { name: 'twin' as const, startupMs: twin.value.startupMs, rounds: [] as LoadFigures[] } },
      { name: 'prism' as const, request: requestFor(options.operation, prism.value.url), figures: { name: 'prism' as const, startupMs: prism.value.startupMs, rounds: [] as LoadFigures[] } },
    ];
    for (const server of servers) {
      const checked = await expect200(server.name, server.request);
      if (!checked.ok) return checked;
    }
    for (let round = 1; round <= options.rounds; round += 1) {
      const order = round % 2 === 1 ? servers : [...servers].reverse();
      for (const server of order) {
        const figures = await runLoad(server.request, { connections: options.connections, durationSec: options.durationSec });
        options.progress(`round ${round}/${options.rounds}: ${server.name} ${Math.round(figures.requestsPerSec)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}`);
        server.figures.rounds.push(figures);
      }
    }
    return ok({ twin: servers[0].figures, prism: servers[1].figures });
  } finally {
    await Promise.all([twin.value.close(), prism.value.close()]);
  }
}
