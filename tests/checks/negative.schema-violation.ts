// negative.schema-violation: generated schema-violating requests get a documented 4xx envelope; never 2xx, never 5xx.
import { defineActiveCheck, skip } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { fullInstance } from './lib/instances.ts';
import { judgeRejection } from './lib/rejection.ts';
import { mutates, requestBodySchema } from './lib/spec-index.ts';
import { violationsFor } from './lib/violations.ts';

export const negativeSchemaViolation = defineActiveCheck({
  id: 'negative.schema-violation',
  title: 'Schema-violating request not rejected',
  severity: 'high',
  description: 'Wrong types, missing required fields, out-of-range page/pageSize/quantity, bad enums, empty arrays or bad query parameters that are accepted or cause a 5xx.',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header' }, async (operation) => {
      const base = baseRequest(ctx, operation);
      // Read-only bodies start from an instance with every property, so nested fields (search filters) get violated too.
      const schema = requestBodySchema(operation);
      const start = schema && !mutates(operation) ? { ...base, body: fullInstance(schema) } : base;
      const outcomes = [];
      for (const violation of violationsFor(ctx.spec, start, ctx)) {
        const exchange = await ctx.send(violation.request);
        outcomes.push(judgeRejection(exchange, operation, { what: `a schema-violating request (${violation.description})` }));
      }
      return outcomes.length ? outcomes : [skip('the operation has no parameter or body to violate')];
    }),
});
