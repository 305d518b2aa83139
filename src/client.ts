// Public entry `wupex-contract/client`: the typed WUPEX client, its error type and the guide's retry policy (S11).
export { createWupexClient, CLIENT_DEFAULTS, type WupexClient, type WupexClientOptions, type PullCodesOptions, type Call } from '../scripts/client/wupex-client.ts';
export { errorFromResponse, errorFromException, type WupexError, type VendorErrorCode } from '../scripts/client/wupex-error.ts';
export { RETRY_DEFAULTS, normalizeRetryOptions, decideRetry, isRetryableStatus, isSafeToRepeat, backoffDelayMs, parseRetryAfterMs, type RetryOptions, type RetryDecision } from '../scripts/client/retry.ts';
export { createRetryingFetch, type FetchLike, type RetryEvent } from '../scripts/client/retrying-fetch.ts';
export type { Result, KitError } from '../scripts/lib/result.ts';
export type { components, paths } from '../openapi/generated/wupex.ts';
