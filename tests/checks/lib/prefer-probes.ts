// Documented-response probes: on targets that honour `Prefer: code=N` (the twin, Prism), ask for every documented
// status that declares response headers (429, 503), so the pure checks see them without waiting for real rate limits.
import type { CheckContext } from '../context.ts';
import { documentedStatuses, responseFor } from './spec-index.ts';
import { baseRequest } from './base-request.ts';

/** Sends one request per operation and header-bearing status; pure checks judge what comes back. */
export async function sendPreferProbes(ctx: CheckContext): Promise<void> {
  if (ctx.target.missing.honoursPrefer !== undefined) return;
  for (const operation of ctx.spec.operations) {
    if (ctx.blocked(operation, 'header')) continue;
    const statuses = documentedStatuses(operation).filter((s) => Object.keys(responseFor(operation, s)?.headers ?? {}).length > 0);
    for (const status of statuses) await ctx.send({ ...baseRequest(ctx, operation), headers: { prefer: `code=${status}` } });
  }
}
