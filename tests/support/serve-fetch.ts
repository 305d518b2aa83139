// Test helper: serve an in-process fetch function on 127.0.0.1 port 0, for script tests that need a real URL.
import { createServer, type IncomingMessage } from 'node:http';
import type { Fetch } from './rewrite-fetch.ts';

export interface Served {
  url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks).toString('utf8');
}

export function serveFetch(fetch: Fetch): Promise<Served> {
  const server = createServer(async (req, res) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    const response = await fetch(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: await readBody(req) }));
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out).end(await response.text());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
