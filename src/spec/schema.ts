// JSON Schema 2020-12 validation (OpenAPI 3.1 schemas are 2020-12), shared by the spec tests, the twin and the checks.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats));

/** A fresh validator factory; build one per consumer (no module-level cache shared across servers). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI keywords that are annotations for us.
  for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
  return ajv;
}

/** Readable one-line summary of ajv errors: "/data/0/price must be number; ...". */
export function describeErrors(errors: ErrorObject[] | null | undefined, prefix = ''): string {
  return (errors ?? [])
    .map((e) => {
      const where = `${prefix}${e.instancePath}` || '(root)';
      if (e.keyword === 'required') return `${where} must have required property '${(e.params as { missingProperty: string }).missingProperty}'`;
      if (e.keyword === 'enum') return `${where} must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
      return `${where} ${e.message}`;
    })
    .join('; ');
}

export type { ValidateFunction };
