// `--upstream mock`: the twin in this process, on a worker thread of its own, reached over the worker port (no socket, no network).
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MockRequest } from '../../mocks/pipeline.ts';
import type { MockServerOptions } from '../../mocks/server.ts';
import { timeoutError } from '../http/errors.ts';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { err, kitError, ok, type KitError, type Result } from '../core/result.ts';
import type { Forwarded, ForwardLimits } from './forward.ts';

/** What can cross to the twin's thread: plain values (a fixed clock as a number, not a function). */
export type TwinThreadOptions = Pick<MockServerOptions, 'seed' | 'accounts' | 'faultRate' | 'products' | 'balance'> & {
  /** Every order date at this instant (ms since the epoch): a reproducible recording. */
  fixedNowMs?: number;
};

export interface TwinThread {
  send(request: MockRequest): Promise<Result<Forwarded, KitError>>;
  close(): Promise<void>;
}

/** Plain JS, so the thread starts the same from the sources (vitest, tsx) and from dist/ (the installed kit). */
/** The thread loads the twin as this module was loaded: from dist/ when compiled, else the TypeScript through tsx. */
const COMPILED = import.meta.url.endsWith('.js');
/** Beside this module: npm run build copies it into dist/src/proxy/, so the installed kit ships no src/. */
const ENTRY = fileURLToPath(new URL('./twin-worker.mjs', import.meta.url));

type Reply = { id: number; answer: { status: number; headers: Record<string, string>; text: string } };
type Pending = { resolve: (result: Result<Forwarded, KitError>) => void; started: number; timer: NodeJS.Timeout };

const startFailed = (detail: string) => kitError('TWIN_START_FAILED', `The in-process twin did not start: ${detail}`, { hint: 'Run `npm run mock` to see the twin start on its own, or `npm run build` if dist/ is damaged.' });

/** Start the twin's thread; resolves once it answers, or with why it could not start. */
export function startTwinThread(options: TwinThreadOptions, limits: ForwardLimits): Promise<Result<TwinThread>> {
  const worker = new Worker(ENTRY, { workerData: { options, compiled: COMPILED, root: PACKAGE_ROOT } });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let stopped: string | undefined;
  const gone = (why: string) => err(kitError('TARGET_UNREACHABLE', `The in-process twin stopped (${why}).`, { hint: 'Restart npm run proxy.' }));
  // A twin that dies takes its unanswered requests with it: each gets a failure value, never a hang.
  const failAll = (why: string) => {
    stopped ??= why;
    for (const [id, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.resolve(gone(why));
      pending.delete(id);
    }
  };
  const thread: TwinThread = {
    send: (request) =>
      new Promise((done) => {
        if (stopped) return done(gone(stopped));
        const id = (nextId += 1);
        const label = `${request.method} ${request.path} (the in-process twin)`;
        const timer = setTimeout(() => {
          pending.delete(id);
          done(err(timeoutError('deadline', label, limits)));
        }, limits.deadlineMs);
        pending.set(id, { resolve: done, started: performance.now(), timer });
        worker.postMessage({ id, request });
      }),
    close: async () => {
      failAll('the proxy closed');
      await worker.terminate();
    },
  };
  return new Promise((ready) => {
    worker.on('message', (message: Reply | { ready: true } | { failed: string }) => {
      if ('ready' in message) return ready(ok(thread));
      if ('failed' in message) return void worker.terminate().then(() => ready(err(startFailed(message.failed))));
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      waiting.resolve(ok({ ...message.answer, durationMs: Math.round(performance.now() - waiting.started) }));
    });
    worker.on('error', (error) => {
      failAll(error.message);
      ready(err(startFailed(error.message)));
    });
    worker.on('exit', (code) => failAll(`exit code ${code}`));
  });
}
