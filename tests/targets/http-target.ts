// A target over real HTTP (sandbox, production, Prism, any base URL), with a timeout and clear unreachable errors.
import { err, kitError, ok, type KitError, type Result } from '../../scripts/lib/result.ts';
import { readResponse, toFetchRequest, type Capability, type Exchange, type ExchangeRequest, type Target, type TargetName } from './target.ts';

export const HTTP_DEFAULTS = { timeoutMs: 10_000 } as const;

export interface HttpTargetOptions {
  name: TargetName;
  baseUrl: string;
  apiKey: string;
  merchantCode?: string;
  readOnly?: boolean;
  missing?: Partial<Record<Capability, string>>;
  timeoutMs?: number;
  onClose?: () => Promise<void>;
}

/** Global fetch with AbortSignal.timeout; a transport failure is a TARGET_UNREACHABLE value, never a throw. */
export function httpTarget(options: HttpTargetOptions): Target {
  const timeoutMs = options.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
  return {
    name: options.name,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    apiKey: options.apiKey,
    merchantCode: options.merchantCode,
    readOnly: options.readOnly ?? false,
    missing: options.missing ?? {},
    async send(request: ExchangeRequest): Promise<Result<Exchange, KitError>> {
      const started = performance.now();
      try {
        const response = await fetch(toFetchRequest(request, AbortSignal.timeout(timeoutMs)));
        const normalised = await readResponse(response);
        return ok({ request, response: normalised, durationMs: Math.round(performance.now() - started) });
      } catch (cause) {
        return err(unreachable(request, timeoutMs, cause));
      }
    },
    close: async () => {
      await options.onClose?.();
    },
  };
}

function unreachable(request: ExchangeRequest, timeoutMs: number, cause: unknown): KitError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  const reason = timedOut ? `timed out after ${timeoutMs} ms` : `failed (${describeCause(cause)})`;
  const origin = new URL(request.url).origin;
  return kitError(timedOut ? 'TARGET_TIMEOUT' : 'TARGET_UNREACHABLE', `Request ${reason}: ${request.method} ${request.url}`, {
    hint: `Check that ${origin} is up and reachable from here (network, VPN, proxy), or pick another --target / --base-url.`,
    cause,
  });
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: { code?: string; message?: string } }).cause;
  return inner?.code ?? inner?.message ?? cause.message;
}
