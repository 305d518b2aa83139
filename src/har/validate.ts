// Validates a recording against the HAR 1.2 JSON schema of the har-schema package (draft-06, compiled once per validator).
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { err, kitError, ok, type Result } from '../core/result.ts';

type SchemaSet = Record<string, Record<string, unknown>>;
const load = createRequire(import.meta.url);

/** A validator for whole HAR documents; build one per consumer (no module-level state). */
export function createHarValidator(): (har: unknown, where: string) => Result<true> {
  const schemas = load('har-schema') as SchemaSet;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(load('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>);
  for (const [name, schema] of Object.entries(schemas)) if (name !== 'har') ajv.addSchema(schema);
  const validate = ajv.compile(schemas.har);
  return (har, where) => {
    if (validate(har)) return ok(true);
    const problems = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');
    return err(kitError('HAR_INVALID', `${where} is not a valid HAR 1.2 file: ${problems}.`, { hint: 'Record it again with --record DIR, or fix the file by hand.' }));
  };
}
