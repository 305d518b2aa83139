// Hostile local servers: each path can attack the kit (redirects away, key echoes, stalls, floods, bombs, escapes).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Fetch } from './rewrite-fetch.ts';

export type Attack =
  | 'redirect-origin' // 307 to the second origin (127.0.0.2), same path
  | 'redirect-insecure' // 302 to plain http on a non-loopback host
  | 'echo-key' // 403 text: the request's key in a header and in the body, straddling character 120
  | 'echo-envelope' // 401 vendor envelope whose message carries the key across character 120
  | 'echo-disguised' // 429 whose Retry-After interleaves the key with U+0085 and whose message interleaves it with zero-width and bidi characters
  | 'ansi' // 400 text with terminal escapes (clear screen, window title, BEL, CR)
  | 'stall' // 200 headers and a first byte, then nothing
  | 'trickle' // 200, then one byte per second
  | 'big-body' // 200 with a 50 MB JSON-ish body, streamed
  | 'endless' // 200 with a body that never ends
  | 'gzip-bomb' // 200, content-encoding gzip: 1 MB on the wire, 1 GiB decoded
  | 'no-page-info'; // 200 {"status":true,"data":[]}: a product page without pageInfo

export const HOSTILE_SIZES = { bigBody: 50 * 1024 * 1024, chunk: 64 * 1024, bombMember: 16 * 1024 * 1024, bombMembers: 64 } as const;

/** Where the key is placed in echoes: it starts at 110, so a cut at 120 splits it. */
export const ECHO_OFFSET = 110;

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** One request as the server saw it: when it arrived and when the connection for its answer closed. */
export interface RequestRecord {
  path: string;
  attack?: Attack;
  arrivedAt: number;
  closedAt?: number;
}

export interface HostileServer extends Listening {
  /** Every request so far. A request is timed from its arrival to its close, so process start-up on a loaded machine does not count. */
  log(): readonly RequestRecord[];
}

export interface SecondOrigin extends Listening {
  /** Every request that arrived, as "METHOD url\nheaders..." text; the kit must never send it anything. */
  readonly received: string[];
}

export interface HostileOptions {
  /** Attack per path ("/api/order/list"), or "*" for every path without its own entry. */
  attacks: Record<string, Attack>;
  /** Answers paths without an attack (e.g. the twin); without it they get a 404 envelope. */
  fallback?: Fetch;
  /** The origin a redirect-origin points at. */
  second?: SecondOrigin;
}

/** Listen on `host` port 0 and destroy every open socket on close (stalled and endless answers never end by themselves). */
function listen(server: Server, host: string): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const close = () => new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      });
      resolve({ url: `http://${host}:${port}`, close });
    });
  });
}

/** A second loopback origin (127.0.0.2) that records whatever reaches it. */
export async function startSecondOrigin(): Promise<SecondOrigin> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"data":{}}');
  });
  return { ...(await listen(server, '127.0.0.2')), received };
}

/** Write `total` bytes (Infinity: forever) as fast as the reader takes them; stop when the socket closes. */
function flood(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(HOSTILE_SIZES.chunk, 0x61);
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Repeat `action` every `ms` until the socket closes. */
function every(res: ServerResponse, ms: number, action: () => void): void {
  const timer = setInterval(action, ms);
  res.on('close', () => clearInterval(timer));
}

function attack(kind: Attack, req: IncomingMessage, res: ServerResponse, options: HostileOptions, bomb: () => Buffer): void {
  const key = String(req.headers['x-api-key'] ?? '');
  const pad = 'x'.repeat(ECHO_OFFSET);
  const json = { 'content-type': 'application/json' };
  switch (kind) {
    case 'redirect-origin': return void res.writeHead(307, { location: `${options.second?.url ?? 'http://127.0.0.2:9'}${req.url}` }).end();
    case 'redirect-insecure': return void res.writeHead(302, { location: `http://wupex-probe.invalid${req.url}` }).end();
    case 'echo-key': return void res.writeHead(403, { 'content-type': 'text/plain', 'x-echo': key }).end(`${pad}${key} was your key`);
    case 'echo-envelope': return void res.writeHead(401, json).end(JSON.stringify({ status: false, error: { code: 'UNAUTHORIZED', message: `${pad}${key} is not valid` } }));
    case 'echo-disguised': return void res.writeHead(429, { ...json, 'retry-after': [...key].join('\u0085') }).end(JSON.stringify({ status: false, error: { code: 'TOO_MANY_REQUESTS', message: [...key].join('\u200b\u202e') } }));
    case 'ansi': return void res.writeHead(400, { 'content-type': 'text/plain' }).end('\u001b[2J\u001b]0;pwned\u0007\rforged line\u001b[31m red\u009b1m');
    case 'stall': return void res.writeHead(200, json).write('{"status":');
    case 'trickle': res.writeHead(200, json).flushHeaders();
      return every(res, 1000, () => res.write(' '));
    case 'big-body': res.writeHead(200, json);
      return flood(res, HOSTILE_SIZES.bigBody);
    case 'endless': res.writeHead(200, json);
      return flood(res, Infinity);
    case 'gzip-bomb': return void res.writeHead(200, { ...json, 'content-encoding': 'gzip' }).end(bomb());
    case 'no-page-info': return void res.writeHead(200, json).end('{"status":true,"data":[]}');
  }
}

async function forward(fallback: Fetch, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks).toString('utf8');
  const response = await fallback(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body }));
  const out: Record<string, string> = {};
  response.headers.forEach((v, k) => (out[k] = v));
  res.writeHead(response.status, out).end(await response.text());
}

/** A server on 127.0.0.1 port 0 that attacks per path and forwards the rest to `fallback`. */
export async function startHostile(options: HostileOptions): Promise<HostileServer> {
  let member: Buffer | undefined;
  const log: RequestRecord[] = [];
  // Built on first use: many concatenated gzip members of 16 MiB of zeros (gunzip reads them all as one stream).
  const bomb = () => (member ??= Buffer.concat(Array(HOSTILE_SIZES.bombMembers).fill(gzipSync(Buffer.alloc(HOSTILE_SIZES.bombMember)))));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const kind = options.attacks[path] ?? options.attacks['*'];
    const record: RequestRecord = { path, attack: kind, arrivedAt: Date.now() };
    log.push(record);
    res.on('close', () => (record.closedAt = Date.now()));
    if (kind) return attack(kind, req, res, options, bomb);
    if (options.fallback) return void forward(options.fallback, req, res).catch(() => res.destroy());
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":false,"error":{"code":"NOT_FOUND","message":"no such path"}}');
  });
  return { ...(await listen(server, '127.0.0.1')), log: () => log };
}

/** Requests whose answer was not closed within `limitMs` of arrival (still open counts as now). Empty: every request ended in time. */
export function overdue(server: HostileServer, limitMs: number, now = Date.now()): RequestRecord[] {
  return server.log().filter((r) => (r.closedAt ?? now) - r.arrivedAt >= limitMs);
}

/** Every run of `minRun` consecutive characters of `key` found in `text` (empty: none leaked). */
export function keyRunsIn(text: string, key: string, minRun = 8): string[] {
  const found: string[] = [];
  for (let i = 0; i + minRun <= key.length; i += 1) if (text.includes(key.slice(i, i + minRun))) found.push(key.slice(i, i + minRun));
  return found;
}

/** A distinctive fake key built at run time (never a literal in the repository, so the secret scan stays clean). */
export function distinctiveKey(): string {
  return ['wpx', 'HOSTILE', Date.now().toString(36), Math.random().toString(36).slice(2, 10), 'Zq9'].join('-');
}

/** Sample this process's RSS every 20 ms; `stop()` gives the peak growth over the starting value, in bytes. */
export function watchRss(): { stop(): number } {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss()) - start;
    },
  };
}
