// The twin as a target: requests go to its in-process fetch, with no port (hono `app.request` style).
import { TWIN_URL } from '../../http/base-url.ts';
import { err, kitError, ok, type KitError, type Result } from '../../core/result.ts';
import { readResponse, toFetchRequest, type Capability, type Exchange, type ExchangeRequest, type Target, type TargetName } from './target.ts';

/** What the twin's server (or a broken wrapper around it) must offer. */
export interface FetchServer {
  fetch(request: Request): Promise<Response>;
  close?(): Promise<void>;
}

export interface FetchTargetOptions {
  server: FetchServer;
  apiKey: string;
  merchantCode?: string;
  name?: TargetName;
  /** Shown in curl lines; `npm run mock` listens there by default. */
  baseUrl?: string;
  missing?: Partial<Record<Capability, string>>;
  /** Behave as production would: only read-only operations are sent (tests of the read-only rule). */
  readOnly?: boolean;
}

export const MOCK_DEFAULTS = { baseUrl: TWIN_URL } as const;

/** A target over any in-process fetch function: the twin, or a deliberately broken wrapper of it. */
export function fetchTarget(options: FetchTargetOptions): Target {
  const baseUrl = options.baseUrl ?? MOCK_DEFAULTS.baseUrl;
  return {
    name: options.name ?? 'mock',
    baseUrl,
    apiKey: options.apiKey,
    merchantCode: options.merchantCode,
    readOnly: options.readOnly ?? false,
    missing: options.missing ?? {},
    async send(request: ExchangeRequest): Promise<Result<Exchange, KitError>> {
      const started = performance.now();
      try {
        const response = await options.server.fetch(toFetchRequest(request));
        const normalised = await readResponse(response);
        return ok({ request, response: normalised, durationMs: Math.round(performance.now() - started) });
      } catch (cause) {
        const message = `The in-process server threw on ${request.method} ${request.url}: ${cause instanceof Error ? cause.message : String(cause)}`;
        return err(kitError('TARGET_UNREACHABLE', message, { hint: 'This is a bug in the twin (or the wrapper around it); run `npm run mock` and retry the curl line to see it.', cause }));
      }
    },
    close: async () => {
      await options.server.close?.();
    },
  };
}
