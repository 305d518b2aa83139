// A DoctorContext for unit tests: nothing real is spawned or fetched unless a test says so.
import { loadSpec } from '../../../src/spec/spec.ts';
import type { DoctorContext } from '../../../src/doctor/doctor-check.ts';
import { REPO_ROOT } from '../../../src/doctor/doctor-context.ts';

export const DOC = loadSpec();

/** Answers every request with `status` (default: fetch must not be called). */
export const answering = (status: number, body: unknown = {}) => async () => new Response(JSON.stringify(body), { status });

export function testContext(overrides: Partial<DoctorContext> = {}): DoctorContext {
  return {
    env: {},
    root: REPO_ROOT,
    doc: DOC,
    offline: false,
    nodeVersion: '20.20.2',
    npmVersion: () => '10.9.0',
    runSpecLint: async () => ({ code: 0, output: '' }),
    fetch: async (request) => {
      throw new Error(`unexpected fetch ${request.url}`);
    },
    probeTimeoutMs: 3000,
    ...overrides,
  };
}
