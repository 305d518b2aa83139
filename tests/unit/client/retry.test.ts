// Unit tests of the S11 retry policy: statuses, backoff with injected randomness, Retry-After, pullCodes safety.
import { describe, expect, test } from 'vitest';
import {
  RETRY_DEFAULTS,
  backoffDelayMs,
  decideRetry,
  isRetryableStatus,
  isSafeToRepeat,
  normalizeRetryOptions,
  parseRetryAfterMs,
} from '../../../src/client/retry.ts';

const BASE = 'http://127.0.0.1:4010';
const balance = { method: 'GET', url: `${BASE}/api/customer/balance` };
const pullWithRef = { method: 'POST', url: `${BASE}/api/order/pull-codes?referenceId=ref-1` };
const pullWithoutRef = { method: 'POST', url: `${BASE}/api/order/pull-codes` };

describe('isRetryableStatus', () => {
  test.each([429, 500, 502, 503, 504, 599])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });
  test.each([200, 400, 401, 403, 404, 409, 413, 422])('never retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  test('with random 0 the waits are 500 ms doubling, capped at 10 s', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, () => 0));
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
  test('jitter adds up to one more delay: delay + random(0, delay)', () => {
    expect(backoffDelayMs(0, () => 0.5)).toBe(750);
    expect(backoffDelayMs(2, () => 0.999)).toBe(3998);
    expect(backoffDelayMs(9, () => 0.5)).toBe(15_000);
  });
});

describe('parseRetryAfterMs', () => {
  test.each([
    ['1', 1000],
    [' 3 ', 3000],
    ['0', 0],
  ])('reads %j as %i ms', (header, ms) => {
    expect(parseRetryAfterMs(header)).toBe(ms);
  });
  test.each([null, undefined, '', 'soon', '1.5', '-1', 'Wed, 21 Oct 2026 07:28:00 GMT'])('ignores %j', (header) => {
    expect(parseRetryAfterMs(header)).toBeUndefined();
  });
});

describe('isSafeToRepeat', () => {
  test('reads and listings are safe', () => {
    expect(isSafeToRepeat(balance)).toBe(true);
    expect(isSafeToRepeat({ method: 'POST', url: `${BASE}/api/order/list` })).toBe(true);
  });
  test('pullCodes is safe only with a non-empty referenceId', () => {
    expect(isSafeToRepeat(pullWithRef)).toBe(true);
    expect(isSafeToRepeat(pullWithoutRef)).toBe(false);
    expect(isSafeToRepeat({ method: 'POST', url: `${BASE}/api/order/pull-codes?referenceId=` })).toBe(false);
    expect(isSafeToRepeat({ method: 'POST', url: `${BASE}/api/order/pull-codes?allowTakeAll=true` })).toBe(false);
  });
});

describe('decideRetry', () => {
  const base = { request: balance, retryAfter: null, retriesSoFar: 0, random: () => 0 };

  test('a 503 is retried after the backoff wait', () => {
    expect(decideRetry({ ...base, status: 503 })).toEqual({ retry: true, waitMs: 500 });
    expect(decideRetry({ ...base, status: 503, retriesSoFar: 3 })).toEqual({ retry: true, waitMs: 4000 });
  });
  test('Retry-After wins over the backoff', () => {
    expect(decideRetry({ ...base, status: 429, retryAfter: '2' })).toEqual({ retry: true, waitMs: 2000 });
  });
  test('a Retry-After beyond the cap is not waited out', () => {
    expect(decideRetry({ ...base, status: 429, retryAfter: '3600' })).toEqual({ retry: false, reason: 'retry-after-too-long' });
  });
  test('client errors are never retried', () => {
    for (const status of [400, 401, 403, 404, 409]) {
      expect(decideRetry({ ...base, status })).toEqual({ retry: false, reason: 'not-retryable-status' });
    }
  });
  test('at most 5 retries', () => {
    expect(decideRetry({ ...base, status: 500, retriesSoFar: 4 }).retry).toBe(true);
    expect(decideRetry({ ...base, status: 500, retriesSoFar: 5 })).toEqual({ retry: false, reason: 'retries-exhausted' });
  });
  test('a pullCodes without referenceId meeting a 503 is not retried', () => {
    expect(decideRetry({ ...base, request: pullWithoutRef, status: 503 })).toEqual({ retry: false, reason: 'unsafe-to-repeat' });
  });
  test('a pullCodes with referenceId meeting a 503 is retried', () => {
    expect(decideRetry({ ...base, request: pullWithRef, status: 503 })).toEqual({ retry: true, waitMs: 500 });
  });
});

describe('normalizeRetryOptions', () => {
  test('fills defaults and keeps overrides', () => {
    expect(normalizeRetryOptions()).toEqual(RETRY_DEFAULTS);
    expect(normalizeRetryOptions({ maxRetries: 2 }).maxRetries).toBe(2);
  });
  test('rejects a negative value with a message naming it', () => {
    expect(() => normalizeRetryOptions({ initialDelayMs: -1 })).toThrow('[wupex-kit] retry.initialDelayMs must be a number >= 0, got -1.');
  });
});
