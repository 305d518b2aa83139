// Public entry `wupex-contract/client`: the typed WUPEX client, its error type and the guide's retry policy (S11).
export { createWupexClient, CLIENT_DEFAULTS, type WupexClient, type WupexClientOptions, type PullCodesOptions, type Call } from './client/wupex-client.ts';
export { errorFromResponse, errorFromException, type WupexError, type VendorErrorCode } from './client/wupex-error.ts';
export { RETRY_DEFAULTS, normalizeRetryOptions, decideRetry, isRetryableStatus, isSafeToRepeat, backoffDelayMs, parseRetryAfterMs, type RetryOptions, type RetryDecision } from './client/retry.ts';
export { createRetryingFetch, type FetchLike, type RetryEvent } from './client/retrying-fetch.ts';
export type { Result, KitError } from './core/result.ts';
export type { components, paths } from '../openapi/generated/wupex.ts';
