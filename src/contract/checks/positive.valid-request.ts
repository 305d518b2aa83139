// positive.valid-request: schema-valid requests (generated from the spec) are accepted with a 2xx.
import { NO_BASIS, type Basis, type Outcome } from './check.ts';
import type { RequestSpec } from './context.ts';
import { basis, parameterBasis } from './lib/basis.ts';
import { defineActiveCheck, fail, pass, skip } from './check.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { isObject } from './lib/text.ts';
import { validRequests } from './lib/valid-requests.ts';

/** `Accept-Language: en` rests on DECISIONS #20, an empty list body on D5, a paged one on #7 (S1, S4); other valid requests on the guide. */
function basisOfValid(request: RequestSpec): Basis {
  if (request.acceptLanguage && request.acceptLanguage !== 'en-US') return parameterBasis(request.operation, 'Accept-Language');
  if (isObject(request.body) && Object.keys(request.body).length === 0) return basis(['D5'], ['S4']);
  // A page or pageSize within the documented range (#7; S1, S4 give 1..100) refused.
  if (isObject(request.body) && ('page' in request.body || 'pageSize' in request.body)) return basis(['7'], ['S1', 'S4']);
  return NO_BASIS;
}

function describe(request: { query?: Record<string, string>; body?: unknown; acceptLanguage?: string | null }): string {
  const parts = [`Accept-Language: ${request.acceptLanguage ?? 'en-US'}`];
  if (request.query && Object.keys(request.query).length) parts.push(`query ${new URLSearchParams(request.query)}`);
  if (request.body !== undefined) parts.push(`body ${JSON.stringify(request.body)}`);
  return parts.join(', ');
}

export const positiveValidRequest = defineActiveCheck({
  id: 'positive.valid-request',
  title: 'Schema-valid request rejected',
  severity: 'high',
  description: 'A request that matches the spec (generated from its schemas and examples) but is not answered with a 2xx.',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header' }, async (operation) => {
      const requests = await validRequests(ctx, operation);
      if (typeof requests === 'string') return [skip(requests)];
      const outcomes: Outcome[] = [];
      for (const request of requests) {
        // Every valid request also shows which Accept-Language values the target serves (#20, for --propose).
        const exchange = await ctx.send({ ...request, evidenceFor: { entry: 'acceptLanguage.accepted' } });
        const { status, json } = exchange.response;
        if (status >= 200 && status < 300) {
          outcomes.push(pass());
          continue;
        }
        const error = isObject(json) && isObject(json.error) ? ` ${String(json.error.code)}` : '';
        outcomes.push(fail(`${operation.label}: a schema-valid request (${describe(request)}) was rejected with HTTP ${status}${error}; the spec documents 200.`, exchange, basisOfValid(request)));
      }
      return outcomes;
    }),
});
