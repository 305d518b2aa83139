// createProxy: the validating reverse proxy an app points WUPEX_BASE_URL at (npm run proxy); listen/close like the twin.
import { createServer, type Server } from 'node:http';
import { createPrismRouter } from '../../mocks/prism.ts';
import { lowerHeaders, readBody, splitUrl } from '../../mocks/node-adapter.ts';
import { createSpecIndex as createFactsIndex } from '../../mocks/spec-index.ts';
import { createSpecIndex, type SpecIndex } from '../contract/checks/lib/spec-index.ts';
import { createHarWriter, type HarWriter, type HarWriterOptions } from '../har/writer.ts';
import { createSanitiser } from '../secrets/redact.ts';
import { refuseTarget } from './request-target.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { loadSpec, SPEC_PATH, type Document } from '../spec/spec.ts';
import type { ForwardLimits } from './forward.ts';
import { createRequestInspector, type RequestInspector } from './inspect-request.ts';
import { createProxyHandle } from './proxy-handle.ts';
import { createStats, formatSummary, type ProxyStats } from './summary.ts';
import { envelopeAnswer, PROXY_PREFIX } from './upstream-failure.ts';
import type { TwinThreadOptions } from './twin-thread.ts';
import { resolveUpstream } from './upstream.ts';

export const PROXY_DEFAULTS = { port: 4020, host: '127.0.0.1' } as const;

export interface ProxyOptions {
  /** `mock`, `sandbox` or a base URL. */
  upstream: string;
  enforce?: boolean;
  /** Record every forwarded exchange into one .har file in this folder. */
  record?: Omit<HarWriterOptions, 'prefix'> & { prefix?: string };
  log: (line: string) => void;
  /** Options of the in-process twin (`--upstream mock`). */
  twin?: TwinThreadOptions;
  limits?: ForwardLimits;
  /** The spec and Prism's validators, prepared once (prepareValidation); tests share one between proxies. */
  validation?: Validation;
}

/** What the proxy validates with: the resolved spec, the check index, and Prism's request validation. */
export interface Validation {
  doc: Document;
  spec: SpecIndex;
  inspectRequest: RequestInspector;
}

/** Load the spec and build Prism's router once (the slow part of starting a proxy). */
export async function prepareValidation(): Promise<Result<Validation>> {
  const doc = loadSpec();
  const router = await createPrismRouter(doc, SPEC_PATH);
  if (!router.ok) return err(kitError(router.error.code, router.error.message, { hint: router.error.hint }));
  const spec = createSpecIndex(doc);
  return ok({ doc, spec, inspectRequest: createRequestInspector({ operations: spec.operations, router: router.value, facts: createFactsIndex(doc) }) });
}

export interface Proxy {
  readonly upstream: { url: string };
  readonly stats: ProxyStats;
  readonly recordingPath?: string;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stop serving, stop the in-process twin, write the recording; the summary lines, or why the recording failed. */
  close(): Promise<Result<string[]>>;
}

function serve(server: Server, port: number, host: string): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`, port: actual });
    });
  });
}

/** Build the proxy: loads the spec and Prism's validators once, resolves (or starts) the upstream. */
export async function createProxy(options: ProxyOptions): Promise<Result<Proxy>> {
  const validation = options.validation ? ok(options.validation) : await prepareValidation();
  if (!validation.ok) return validation;
  const { doc, spec, inspectRequest } = validation.value;
  const upstream = await resolveUpstream(options.upstream, doc, options.twin, options.limits);
  if (!upstream.ok) return upstream;
  const stats = createStats();
  const writer: HarWriter | undefined = options.record ? createHarWriter({ prefix: 'proxy', ...options.record }) : undefined;
  const handle = createProxyHandle({ upstream: upstream.value, enforce: options.enforce ?? false, inspectRequest, spec, stats, log: options.log, writer });
  const server = createServer((req, res) => {
    const raw = req.url ?? '/';
    const refused = refuseTarget(raw);
    if (refused !== undefined) {
      req.resume();
      const answer = envelopeAnswer(400, 'INVALID_PAYLOAD', `${PROXY_PREFIX} TARGET_REFUSED: ${refused}; nothing was forwarded.`);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.text) });
      return void res.end(req.method === 'HEAD' ? undefined : answer.text);
    }
    const { path, query, repeated } = splitUrl(raw);
    const search = raw.includes('?') ? raw.slice(raw.indexOf('?')) : '';
    void readBody(req).then(async ({ text, tooLarge }) => {
      const answer = await handle({ method: req.method ?? 'GET', path, query, repeatedQuery: repeated, headers: lowerHeaders(req), bodyText: text, search, bodyTooLarge: tooLarge });
      const body = Buffer.from(answer.text);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': body.length });
      // A Buffer body keeps the header block in latin1 (byte for byte what the upstream sent): with a string body node
      // writes headers and body as one string in the body's encoding, turning header bytes 0x80-0xff into UTF-8 pairs.
      res.end(req.method === 'HEAD' ? undefined : body);
    }).catch((cause: unknown) => {
      // A bug of the proxy itself: this request gets a 502 naming it, the proxy keeps serving the others.
      const key = req.headers['x-api-key'];
      options.log(createSanitiser([typeof key === 'string' ? key : undefined])(`${PROXY_PREFIX} PROXY_FAILURE: ${cause instanceof Error ? cause.message : String(cause)}`, { max: 500 }));
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(envelopeAnswer(502, 'PROXY_FAILURE', `${PROXY_PREFIX} PROXY_FAILURE: the proxy failed on this request; see its log.`).text);
    });
  });
  return ok({
    upstream: { url: upstream.value.url },
    stats,
    recordingPath: writer?.path,
    listen: (port = PROXY_DEFAULTS.port, host = PROXY_DEFAULTS.host) => serve(server, port, host),
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        if (!server.listening) done();
      });
      await upstream.value.close();
      const written = writer?.close();
      if (written && !written.ok) return written;
      return ok(formatSummary(stats, written?.value));
    },
  });
}
