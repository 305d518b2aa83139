// Test helper: one loopback port in front of several servers, piped byte for byte; a request carrying SWITCH_HEADER goes to the
// server that header names (one Prism proxy judges the twin, its broken copy and the kit's proxy: one Prism start, not three).
import { createServer, request } from 'node:http';
import type { Served } from './serve-fetch.ts';

export const SWITCH_HEADER = 'x-test-upstream-second';

/** `primary` and the alternates are base URLs (http://127.0.0.1:PORT); the switch header (an alternate's name) is removed before forwarding. */
export function switchUpstream(primary: string, alternates: Record<string, string>): Promise<Served> {
  const server = createServer((incoming, outgoing) => {
    const chosen = incoming.headers[SWITCH_HEADER];
    const to = new URL(typeof chosen === 'string' && Object.hasOwn(alternates, chosen) ? alternates[chosen]! : primary);
    const headers = { ...incoming.headers };
    delete headers[SWITCH_HEADER];
    const forwarded = request({ host: to.hostname, port: to.port, path: incoming.url, method: incoming.method, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.once('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => (server.close(() => done()), server.closeAllConnections())) });
    });
  });
}
