// A standalone WUPEX API server written from the spec and the vendor-guide facts, not from the twin: node:http on 127.0.0.1,
// its own store and keys, and a ServerProfile for every open point. Tests hold `npm run verify` against it (issue 16).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as answers from './answers.ts';
import { failure, type Answer } from './answers.ts';
import { codeOf, type Refuse, type ServerProfile } from './server-profile.ts';
import { createStore, type Account, type Store } from './store.ts';
import { readListRequest, readOrderLines, readOrderName, readOrderQuery, type Problem } from './validate.ts';

/** Request bodies over 64 KiB are refused with 413 before parsing (bounded cost per request). */
export const INDEPENDENT_LIMITS = { maxBodyBytes: 64 * 1024 } as const;

export interface IndependentServer {
  baseUrl: string;
  /** The accounts' keys (at least two: the isolation check needs a second account), made at start-up. */
  keys: string[];
  /** The merchant code of each key's account, in the same order. */
  merchants: string[];
  close(): Promise<void>;
}

interface Call {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  /** The raw body (POST), or 'too-large'. */
  body: string | 'too-large' | undefined;
}

const ROUTES: Record<string, string> = {
  'POST /api/product/merchant/invited/list': 'listProducts',
  'POST /api/order/pull-codes': 'pullCodes',
  'POST /api/order/list': 'listOrders',
  'GET /api/order/detail': 'getOrderDetail',
  'GET /api/customer/balance': 'getBalance',
};

const header = (call: Call, name: string): string | undefined => {
  const value = call.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

function rejected(problem: Problem, profile: ServerProfile): Answer {
  const { status, code } = problem.refuse ?? { status: 400, code: codeOf(profile, '400') };
  return failure(status, code, profile.namesField ? problem.message.slice(0, 1000) : 'The request is not acceptable.');
}

/** Accept-Language (S2, S3): one of the accepted values; missing or another is refused or served as accepted[0]. */
function language(call: Call, profile: ServerProfile): Answer | undefined {
  const given = header(call, 'accept-language');
  const rule = !given ? profile.languages.missing : profile.languages.accepted.includes(given) ? undefined : profile.languages.unsupported;
  if (rule === undefined || rule === 'fallback') return undefined;
  return rejected({ field: 'Accept-Language', message: given ? `Header 'Accept-Language' must be one of ${profile.languages.accepted.join(', ')}` : "Header 'Accept-Language' is required", refuse: rule }, profile);
}

/** A POST body: application/json (S3, S5), at most 64 KiB, well-formed JSON. */
function jsonBody(call: Call, profile: ServerProfile): { json: unknown } | Answer {
  const type = (header(call, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return rejected({ field: 'Content-Type', message: "Header 'Content-Type' must be application/json", refuse: profile.wrongContentType }, profile);
  if (call.body === 'too-large') return failure(413, codeOf(profile, '413'), `The request body is over ${INDEPENDENT_LIMITS.maxBodyBytes} bytes.`);
  try {
    return { json: JSON.parse(call.body ?? '') };
  } catch {
    return rejected({ field: 'body', message: 'The body is not valid JSON.' }, profile);
  }
}

/** `Prefer: code=429|503` simulates a rate limit or an outage on demand (as the spec's mock servers do), with Retry-After as profiled. */
function simulated(call: Call, profile: ServerProfile): Answer | undefined {
  const asked = /^code=(429|503)$/.exec(header(call, 'prefer')?.trim() ?? '')?.[1];
  if (!asked) return undefined;
  const answer = asked === '429' ? failure(429, codeOf(profile, '429'), 'Rate limit exceeded; retry later.') : failure(503, codeOf(profile, '503'), 'The service is unavailable; retry later.');
  return profile.retryAfterSeconds === null ? answer : { ...answer, headers: { 'retry-after': String(profile.retryAfterSeconds) } };
}

function operate(operation: string, call: Call, account: Account, store: Store, profile: ServerProfile): Answer {
  if (operation === 'getBalance') return answers.balance(account, profile);
  if (operation === 'getOrderDetail') {
    const name = readOrderName(call.url.searchParams);
    if (!name.ok) return rejected(name.problem, profile);
    const found = store.findOrder(name.value);
    if (!found) return failure(404, codeOf(profile, '404'), 'No order of this account has this orderName.');
    if (found.owner !== account) return refusal(profile.foreignOrder, 'No order of this account has this orderName.');
    return answers.orderDetail(found.order);
  }
  const body = jsonBody(call, profile);
  if (!('json' in body)) return body;
  if (operation === 'pullCodes') return pullCodes(call, body.json, account, store, profile);
  const request = readListRequest(body.json, operation === 'listProducts' ? 'products' : 'orders', profile);
  if (!request.ok) return rejected(request.problem, profile);
  return operation === 'listProducts' ? answers.listProducts(store, request.value, profile) : answers.listOrders(account, request.value);
}

const refusal = (r: Refuse, message: string) => failure(r.status, r.code, message);

function pullCodes(call: Call, json: unknown, account: Account, store: Store, profile: ServerProfile): Answer {
  const query = readOrderQuery(call.url.searchParams);
  if (!query.ok) return rejected(query.problem, profile);
  const lines = readOrderLines(json, profile);
  if (!lines.ok) return rejected(lines.problem, profile);
  const placed = store.place(account, lines.value, query.value.referenceId);
  return 'refuse' in placed ? refusal(placed.refuse, placed.message) : answers.orderPlaced(placed.order, profile);
}

/** The whole pipeline: route (D4), key (S2), simulated faults, language, then the operation. */
export function handle(call: Call, store: Store, profile: ServerProfile): Answer {
  const operation = ROUTES[`${call.method} ${call.url.pathname}`];
  if (!operation) return failure(404, codeOf(profile, '404'), 'No such operation.');
  const account = store.byKey(header(call, 'x-api-key'));
  if (!account) return failure(401, codeOf(profile, '401'), 'The x-api-key header is missing or not valid.');
  return simulated(call, profile) ?? language(call, profile) ?? operate(operation, call, account, store, profile);
}

function readBody(req: IncomingMessage): Promise<string | 'too-large' | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return req.resume(), Promise.resolve(undefined);
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= INDEPENDENT_LIMITS.maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => done(size > INDEPENDENT_LIMITS.maxBodyBytes ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', failed);
  });
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

/** Start one server on 127.0.0.1, port 0, with a fresh store; close() ends every open connection. */
export async function startIndependentServer(profile: ServerProfile): Promise<IndependentServer> {
  const store = createStore(profile);
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => send(res, handle({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, body }, store, profile)))
      .catch(() => send(res, failure(500, codeOf(profile, '500'), 'Unexpected server error.')));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    keys: store.accounts.map((a) => a.key),
    merchants: store.accounts.map((a) => a.merchant),
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
