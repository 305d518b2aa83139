// Worker entry of `npm run proxy -- --upstream mock`: the twin on its own thread, answering the proxy's requests over the worker port.
// Plain JS, like scripts/mock-launch.mjs, so a worker started from vitest, tsx or dist/ needs no loader of its own.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/** The package root, from the thread that started this worker (this file sits at another depth in src/ and in dist/). */
const ROOT = workerData.root;

/** The twin's modules as the proxy itself runs: compiled (dist/, the installed kit) or the TypeScript through tsx. */
async function twinModules(compiled) {
  if (!compiled) (await import('tsx/esm/api')).register();
  const file = (path) => pathToFileURL(resolve(ROOT, compiled ? `dist/${path}.js` : `${path}.ts`)).href;
  const server = await import(file('mocks/server'));
  const adapter = await import(file('mocks/node-adapter'));
  return { createMockServer: server.createMockServer, serialise: adapter.serialise };
}

const port = parentPort;
try {
  const { compiled, options: { fixedNowMs, ...options } } = workerData;
  const { createMockServer, serialise } = await twinModules(compiled);
  const twin = await createMockServer({ ...options, ...(fixedNowMs === undefined ? {} : { now: () => fixedNowMs }) });
  port.on('message', ({ id, request }) => {
    void twin.answer(request).then((answer) => port.postMessage({ id, answer: serialise(answer) }));
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}
