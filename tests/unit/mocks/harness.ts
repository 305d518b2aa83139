// Test harness for the twin: calls server.fetch in-process and collects every answer for spec validation.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createResponseValidator, type ResponseViolation } from '../../../mocks/response-validator.ts';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../mocks/server.ts';
import type { Decisions } from '../../../src/spec/decisions.ts';
import { loadSpec } from '../../../src/spec/spec.ts';
import { kitCopy } from '../../support/decided.ts';

const [alpha, bravo] = DEMO_ACCOUNTS;
export const ALPHA = { key: alpha.key, merchant: alpha.merchantCode } as const;
export const BRAVO = { key: bravo.key, merchant: bravo.merchantCode } as const;

export interface CallOptions {
  key?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON). */
  raw?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export interface Harness {
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** Every answer so far that breaks the spec. */
  violations(): ResponseViolation[];
  expectNoViolations(): void;
}

/** Wrap a server; default headers are a valid call with the alpha demo key. */
export function createHarness(server: MockServer): Harness {
  const validator = createResponseValidator(loadSpec());
  const found: ResponseViolation[] = [];
  let checked = 0;
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { 'accept-language': 'en-US', ...(options.headers ?? {}) };
    const key = options.key === undefined ? ALPHA.key : options.key;
    if (key !== null) headers['x-api-key'] = key;
    let body: string | undefined = options.raw;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json';
    const response = await server.fetch(new Request(`http://twin.test${path}`, { method, headers, body }));
    const parsed = JSON.parse(await response.text());
    const violation = validator.validate(method, new URL(`http://x${path}`).pathname, response.status, parsed);
    checked += 1;
    if (violation) found.push(violation);
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    call,
    violations: () => found,
    expectNoViolations: () => {
      expect(checked).toBeGreaterThan(0);
      expect(found).toEqual([]);
    },
  };
}

/** The twin of one test file (style guide §7): built once, reset after each test, and no answer it gave may break the spec. */
export interface TwinContext {
  server: MockServer;
  twin: Harness;
}

/** Registers the file's lifecycle hooks; the returned context is filled in before the first test runs. */
export function useTwin(options?: MockServerOptions): TwinContext {
  const context = {} as TwinContext;
  beforeAll(async () => {
    context.server = await createMockServer(options);
    context.twin = createHarness(context.server);
  });
  afterEach(() => context.server.store.reset());
  afterAll(async () => {
    context.twin.expectNoViolations();
    await context.server.close();
  });
  return context;
}

/** The body of one pull-codes line for the alpha account. */
export const line = (sku: string, quantity: number, merchant: string = ALPHA.merchant) => ({ merchant, sku, quantity });

/**
 * The kit's decisions with `patch` over them: a twin pinned to the choices a test's behaviour exists under
 * (e.g. D6 for "the message names the field"), so the test keeps proving it whatever `npm run adopt` writes.
 */
export const pinned = (patch: Partial<Decisions>): Decisions => ({ ...kitCopy(), ...patch });

/** A refusal as 400 INVALID_PAYLOAD: the choice the field-naming messages of paging, Accept-Language and Content-Type exist under. */
export const REJECT_400 = { action: 'reject', status: 400, code: 'INVALID_PAYLOAD' } as const;
