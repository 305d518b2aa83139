// The outbound limits as command-line flags (--timeout, --deadline, --max-response-bytes), shared by verify and example.
import { integerFlag } from '../cli/flags.ts';
import { ok, type Result } from '../core/result.ts';
import { OUTBOUND_DEFAULTS } from './outbound.ts';

/** node:util parseArgs options for the three flags. */
export const LIMIT_FLAG_OPTIONS = {
  timeout: { type: 'string' },
  deadline: { type: 'string' },
  'max-response-bytes': { type: 'string' },
} as const;

/** Help lines, with the defaults read from OUTBOUND_DEFAULTS. */
export const LIMIT_FLAGS_HELP = `  --timeout MS          per request: no response headers within MS is TARGET_TIMEOUT (default ${OUTBOUND_DEFAULTS.headersTimeoutMs})
  --deadline MS         per request: the whole answer, body included, within MS (default ${OUTBOUND_DEFAULTS.deadlineMs})
  --max-response-bytes N   per response: decoded body cap, RESPONSE_TOO_LARGE past it (default ${OUTBOUND_DEFAULTS.maxResponseBytes}, 8 MiB)`;

export interface LimitFlags {
  timeoutMs: number;
  deadlineMs: number;
  maxResponseBytes: number;
}

/** 100 ms to 1 h for the timers, 1 KiB to 1 GiB for the cap; absent flags take the defaults. */
export function parseLimitFlags(v: { timeout?: string; deadline?: string; 'max-response-bytes'?: string }): Result<LimitFlags> {
  const timeoutMs = integerFlag('timeout', v.timeout, { min: 100, max: 3_600_000, fallback: OUTBOUND_DEFAULTS.headersTimeoutMs });
  if (!timeoutMs.ok) return timeoutMs;
  const deadlineMs = integerFlag('deadline', v.deadline, { min: 100, max: 3_600_000, fallback: OUTBOUND_DEFAULTS.deadlineMs });
  if (!deadlineMs.ok) return deadlineMs;
  const maxResponseBytes = integerFlag('max-response-bytes', v['max-response-bytes'], { min: 1024, max: 2 ** 30, fallback: OUTBOUND_DEFAULTS.maxResponseBytes });
  if (!maxResponseBytes.ok) return maxResponseBytes;
  return ok({ timeoutMs: timeoutMs.value, deadlineMs: deadlineMs.value, maxResponseBytes: maxResponseBytes.value });
}
