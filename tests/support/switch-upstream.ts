// Test helper: one loopback port in front of two servers, piped byte for byte; a request carrying SWITCH_HEADER goes to the second (one Prism proxy judges a server and its broken copy).
import { createServer, request } from 'node:http';
import type { Served } from './serve-fetch.ts';

export const SWITCH_HEADER = 'x-test-upstream-second';

/** `primary` and `second` are base URLs (http://127.0.0.1:PORT); the switch header is removed before forwarding. */
export function switchUpstream(primary: string, second: string): Promise<Served> {
  const server = createServer((incoming, outgoing) => {
    const to = new URL(incoming.headers[SWITCH_HEADER] ? second : primary);
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
