// schema.response-body: the JSON body validates (2020-12) against the response schema documented for its status.
import type { SpecIndex } from './lib/spec-index.ts';
import { defineExchangeCheck, fail, pass, skip } from './check.ts';
import { schemaBasisAt } from './lib/basis.ts';
import { responseSchema } from './lib/spec-index.ts';
import { keysOf, snippet } from './lib/text.ts';

export const schemaResponseBody = defineExchangeCheck({
  id: 'schema.response-body',
  title: 'Response body does not match the schema',
  severity: 'high',
  description: 'A body missing a required field, with a wrong type (a number sent as a string), or breaking an enum or limit.',
  run(exchange, operation, spec: SpecIndex) {
    const { status, json, text } = exchange.response;
    const schema = responseSchema(operation, status);
    if (!schema) return skip(`no JSON schema documented for HTTP ${status}`);
    if (json === undefined) return fail(`${operation.label}: HTTP ${status} body is not JSON (${snippet(text, keysOf(exchange.request))}); the spec documents a JSON body.`, exchange);
    const problem = spec.validate(schema, json);
    if (!problem) return pass();
    return fail(`${operation.label}: HTTP ${status} body does not match the documented schema: ${problem}.`, exchange, schemaBasisAt(schema, spec.errorPaths(schema, json)));
  },
});
