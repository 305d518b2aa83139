// Valid instances from a schema: a full deterministic one (the base that negatives mutate) and a fast-check arbitrary.
import fc from 'fast-check';
import type { Schema } from './spec-index.ts';

const typesOf = (schema: Schema): string[] => (Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : []);

/** A valid instance with every property present: enums take their first value, numbers their minimum (or default). */
export function fullInstance(schema: Schema): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema && typeof schema.default !== 'object') return schema.default;
  const type = typesOf(schema).find((t) => t !== 'null');
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    return Object.fromEntries(Object.entries(props).map(([name, s]) => [name, fullInstance(s)]));
  }
  if (type === 'array') return [fullInstance((schema.items ?? {}) as Schema)];
  if (type === 'integer' || type === 'number') return (schema.minimum as number | undefined) ?? 1;
  if (type === 'boolean') return false;
  if (type === 'string') return 'x'.repeat(Math.max(1, (schema.minLength as number | undefined) ?? 1));
  return null;
}

/** A fast-check arbitrary of valid values; sizes stay small and strings plain, so requests stay cheap. */
export function arbitraryFor(schema: Schema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = typesOf(schema).find((t) => t !== 'null');
  const min = schema.minimum as number | undefined;
  const max = schema.maximum as number | undefined;
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    const record = Object.fromEntries(Object.entries(props).map(([name, s]) => [name, arbitraryFor(s)]));
    return fc.record(record, { requiredKeys: (schema.required ?? []) as string[] });
  }
  if (type === 'array') {
    const minLength = (schema.minItems as number | undefined) ?? 0;
    return fc.array(arbitraryFor((schema.items ?? {}) as Schema), { minLength, maxLength: Math.max(minLength, Math.min(3, (schema.maxItems as number | undefined) ?? 3)) });
  }
  if (type === 'integer') return fc.integer({ min: min ?? 0, max: max ?? (min ?? 0) + 4 });
  if (type === 'number') return fc.double({ min: min ?? 0, max: max ?? 1000, noNaN: true });
  if (type === 'boolean') return fc.boolean();
  if (type === 'string') {
    const minLength = (schema.minLength as number | undefined) ?? 0;
    return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(12, (schema.maxLength as number | undefined) ?? 12)) });
  }
  return fc.constant(null);
}
