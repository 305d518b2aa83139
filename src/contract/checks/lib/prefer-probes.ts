// Documented-response probes: on targets shown to honour `Prefer: code=N` (the twin, Prism, or a server that passed
// a read-only probe), ask for 429, 503 and every documented status that declares response headers, so the pure checks
// see them without waiting for real rate limits. Probe, don't assume: an order never carries an unproven Prefer.
import type { CheckContext } from '../context.ts';
import { operationById } from './discover.ts';
import { baseRequest } from './base-request.ts';
import { documentedStatuses, responseFor } from './spec-index.ts';

/** Targets built on the spec's own mock machinery, known to answer `Prefer: code=N` with response N. */
export const KNOWN_TO_HONOUR_PREFER: readonly string[] = ['mock', 'prism'];

/**
 * Whether the target answers `Prefer: code=<status>` with that status: known for the twin and Prism, never for the
 * real API (its profile says so), and otherwise shown once per status with a read-only getBalance.
 */
export function honoursPrefer(ctx: CheckContext, status: number): Promise<boolean> {
  if (ctx.target.missing.honoursPrefer !== undefined) return Promise.resolve(false);
  if (KNOWN_TO_HONOUR_PREFER.includes(ctx.target.name)) return Promise.resolve(true);
  return ctx.memo(`honours-prefer-${status}`, async () => {
    const probe = await ctx.send({ operation: operationById(ctx, 'getBalance'), headers: { prefer: `code=${status}` } });
    return probe.response.status === status;
  });
}

/** Sends one request per operation and header-bearing status the target was shown to honour; pure checks judge what comes back. */
export async function sendPreferProbes(ctx: CheckContext): Promise<void> {
  for (const operation of ctx.spec.operations) {
    if (ctx.blocked(operation, 'header')) continue;
    // 429 and 503 always: whether they carry Retry-After is decided (#22), declared in the spec or not.
    const statuses = documentedStatuses(operation).filter((s) => s === 429 || s === 503 || Object.keys(responseFor(operation, s)?.headers ?? {}).length > 0);
    for (const status of statuses) {
      if (await honoursPrefer(ctx, status)) await ctx.send({ ...baseRequest(ctx, operation), headers: { prefer: `code=${status}` } });
    }
  }
}
