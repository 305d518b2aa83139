// Serves the twin's handle() on a node:http server: reads bodies with the 64 KiB cap, answers parser errors with a 400 envelope.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { isLoopbackHost } from '../src/http/base-url.ts';
import { MOCK_PREFIX, type MockResponse } from './errors.ts';
import type { MockRequest } from './pipeline.ts';
import { BODY_LIMIT } from './bounds.ts';

export { BODY_LIMIT };

/** What the server does with a request; `bodyTooLarge` short-circuits to 413. */
export type Handle = (request: MockRequest, bodyTooLarge: boolean) => Promise<MockResponse>;

/** Split "/path?a=1" into the path, a single-valued query (first value wins) and the names given more than once. */
export function splitUrl(raw: string): { path: string; query: Record<string, string>; repeated: string[] } {
  const at = raw.indexOf('?');
  if (at < 0) return { path: raw, query: {}, repeated: [] };
  const query: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const [name, value] of new URLSearchParams(raw.slice(at + 1))) {
    if (Object.hasOwn(query, name)) repeated.add(name);
    else query[name] = value;
  }
  return { path: raw.slice(0, at), query, repeated: [...repeated] };
}

export function readBody(req: IncomingMessage): Promise<{ text: string | undefined; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BODY_LIMIT) {
      req.resume();
      return resolve({ text: undefined, tooLarge: true });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > BODY_LIMIT ? { text: undefined, tooLarge: true } : { text: size ? Buffer.concat(chunks).toString('utf8') : undefined, tooLarge: false }));
    req.on('error', () => resolve({ text: undefined, tooLarge: false }));
  });
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** An answer as the wire carries it: JSON text and the headers node:http sends with it. */
export function serialise(answer: MockResponse): { status: number; headers: Record<string, string>; text: string } {
  const text = JSON.stringify(answer.body);
  return { status: answer.status, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...answer.headers }, text };
}

function write(res: ServerResponse, answer: MockResponse): void {
  const { status, headers, text } = serialise(answer);
  res.writeHead(status, headers);
  res.end(text);
}

/** The envelope for a request node's parser refuses; its code is the one the decisions send with 400 (#23, D4). */
const clientErrorBody = (code: string) => JSON.stringify({ status: false, error: { code, message: 'Malformed HTTP request (bad header bytes or framing); check the request line and headers.' } });

/**
 * Whether a request's Host header names this listener: a loopback name or address, the exact address it was bound to, or
 * (bound to a wildcard) any IP literal. A DNS name that is not localhost is refused: that is how DNS rebinding lets a web
 * page reach a loopback server (issue 17 #18). No Host header (HTTP/1.0) is not a browser and passes.
 */
export function hostAllowed(hostHeader: string | undefined, boundHost: string): boolean {
  if (hostHeader === undefined) return true;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (isLoopbackHost(hostname) || hostname === boundHost.replace(/^\[|\]$/g, '')) return true;
  return (boundHost === '0.0.0.0' || boundHost === '::') && isIP(hostname) !== 0;
}

const HOST_REFUSED = (host: string): MockResponse => ({
  status: 403,
  body: { status: false, error: { code: 'FORBIDDEN', message: `${MOCK_PREFIX} HOST_REFUSED: Host '${host.slice(0, 100)}' is not this twin's address; use http://127.0.0.1 or localhost (a DNS name pointing here is refused against DNS rebinding).` } },
  headers: {},
});

/**
 * Whether the envelope may follow a parser error: only when the packet node failed on starts with a request line whose
 * method is not HEAD and holds no HEAD request line. The packet is only the last chunk read (a request line, then 16 KiB
 * of headers in later chunks, fails on a chunk of header bytes): when the method cannot be seen, no body is sent.
 */
function mayCarryBody(packet: Buffer | undefined): boolean {
  const text = packet?.toString('latin1') ?? '';
  return /^[A-Z]+ /.test(text) && !/(^|\n)HEAD /.test(text);
}

/** A node:http server around `handle`; parser-level errors (odd header bytes) still get the vendor envelope. */
export function createNodeServer(handle: Handle, boundHost = '127.0.0.1', invalidCode = 'INVALID_PAYLOAD'): Server {
  const clientError = clientErrorBody(invalidCode);
  const server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, boundHost)) {
      req.resume();
      return write(res, HOST_REFUSED(req.headers.host ?? ''));
    }
    const { path, query, repeated } = splitUrl(req.url ?? '/');
    void readBody(req).then(async ({ text, tooLarge }) => {
      write(res, await handle({ method: req.method ?? 'GET', path, query, repeatedQuery: repeated, headers: lowerHeaders(req), bodyText: text }, tooLarge));
    });
  });
  server.on('clientError', (error: Error & { rawPacket?: Buffer }, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    // A HEAD answer never carries a body (RFC 9110 §9.3.2), not even this one; see mayCarryBody.
    const body = mayCarryBody(error.rawPacket) ? clientError : '';
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  return server;
}

export interface Listener {
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

/** listen/close around one node:http server at a time; close() also drops keep-alive connections. */
export function createListener(handle: Handle, invalidCode?: string): Listener {
  let server: Server | undefined;
  const listen = (port: number, host: string) =>
    new Promise<{ url: string; port: number }>((resolve, reject) => {
      const created = createNodeServer(handle, host, invalidCode);
      created.once('error', reject);
      created.listen(port, host, () => {
        server = created;
        const address = created.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`, port: actual });
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const closing = server;
      server = undefined;
      closing.close(() => resolve());
      closing.closeAllConnections();
    });
  return { listen, close };
}
