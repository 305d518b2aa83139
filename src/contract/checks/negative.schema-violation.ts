// negative.schema-violation: generated schema-violating requests get 400 INVALID_PAYLOAD naming the field, against a 2xx control.
import { defineActiveCheck, skip } from './check.ts';
import { validBase } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { fullInstance } from './lib/instances.ts';
import { probeRejection } from './lib/rejection.ts';
import { mutates, requestBodySchema } from './lib/spec-index.ts';
import { violationsFor } from './lib/violations.ts';

export const negativeSchemaViolation = defineActiveCheck({
  id: 'negative.schema-violation',
  title: 'Schema-violating request not rejected',
  severity: 'high',
  description: 'Wrong types, missing required fields, out-of-range page/pageSize/quantity, bad enums, empty arrays or bad query parameters that are accepted, cause a 5xx, or get anything but 400 INVALID_PAYLOAD naming the field.',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header' }, async (operation) => {
      const base = await validBase(ctx, operation);
      // Read-only bodies start from an instance with every property, so nested fields (search filters) get violated too.
      const schema = requestBodySchema(operation);
      const control = schema && !mutates(operation) ? { ...base, body: fullInstance(schema) } : base;
      const outcomes = [];
      for (const violation of violationsFor(ctx.spec, control, ctx)) {
        const { description, request, names, basis } = violation;
        outcomes.push(await probeRejection(ctx, operation, { what: `a schema-violating request (${description})`, status: 400, code: 'INVALID_PAYLOAD', names, basis, probe: request, control }));
      }
      return outcomes.length ? outcomes : [skip('the operation has no parameter or body to violate')];
    }),
});
