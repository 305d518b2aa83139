// Schema-violating requests for one operation: boundary cases from the spec's schemas plus fast-check random ones.
import fc from 'fast-check';
import type { Basis } from '../check.ts';
import type { RequestSpec } from '../context.ts';
import { basisOf, mergeBasis } from './basis.ts';
import type { Schema, SpecIndex } from './spec-index.ts';
import { parametersOf, requestBodySchema } from './spec-index.ts';

export interface Violation {
  /** What is wrong, for messages: "body.page = 0". */
  description: string;
  request: RequestSpec;
  /** The field, parameter or header the rejection's message must name (the leaf of the path); none for the whole body. */
  names?: string;
  /** The violated element's decision rows and sources (its own x-decision, else its nearest annotated parent's). */
  basis: Basis;
}

type Put = (value: unknown) => unknown;
interface Spot {
  path: string;
  schema: Schema;
  value: unknown;
  put: Put;
  basis: Basis;
}

const REMOVE = Symbol('remove');
const typesOf = (s: Schema): string[] => (Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : []);

const hasBasis = (b: Basis) => b.decisions.length > 0 || b.sources.length > 0;

/** Every place in the base body that a violation can target, with a setter returning the whole new body. */
function spots(schema: Schema, value: unknown, path: string, put: Put, inherited: Basis = mergeBasis()): Spot[] {
  const own = basisOf(schema);
  const basis = hasBasis(own) ? own : inherited;
  const out: Spot[] = [{ path, schema, value, put, basis }];
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, sub] of Object.entries(props)) {
      if (!(name in value)) continue;
      const obj = value as Record<string, unknown>;
      out.push(...spots(sub, obj[name], `${path}.${name}`, (v) => put({ ...obj, [name]: v }), basis));
    }
  }
  if (Array.isArray(value) && value.length > 0 && schema.items) {
    out.push(...spots(schema.items as Schema, value[0], `${path}[0]`, (v) => put([v, ...value.slice(1)]), basis));
  }
  return out;
}

/** Boundary mutations of one spot: wrong type, out of range, bad enum, empty/oversized arrays, missing required. */
function boundary(spot: Spot): [string, unknown, string | undefined][] {
  const { schema: s, value, path } = spot;
  const types = typesOf(s);
  const name = leaf(path);
  const out: [string, unknown, string | undefined][] = [];
  const push = (description: string, v: unknown) => out.push([description, v, name]);
  const num = (n: number) => push(`${path} = ${n}`, n);
  if (types.includes('object')) {
    push(`${path} = "not-an-object"`, 'not-an-object');
    for (const required of (s.required ?? []) as string[]) out.push([`${path} without required "${required}"`, omit(value, required), required]);
  }
  if (types.includes('array')) {
    push(`${path} = "not-an-array"`, 'not-an-array');
    if (typeof s.minItems === 'number' && s.minItems > 0) push(`${path} = [] (minItems ${s.minItems})`, []);
    if (typeof s.maxItems === 'number' && Array.isArray(value)) push(`${path} with ${s.maxItems + 1} items (maxItems ${s.maxItems})`, Array(s.maxItems + 1).fill(value[0]));
  }
  if (types.includes('integer')) {
    push(`${path} = "1" (a string)`, '1');
    push(`${path} = 1.5`, 1.5);
  }
  if (types.includes('integer') || types.includes('number')) {
    if (typeof s.minimum === 'number') num(s.minimum - 1);
    if (typeof s.maximum === 'number') num(s.maximum + 1);
  }
  if (types.includes('string')) {
    push(`${path} = 123 (a number)`, 123);
    if (Array.isArray(s.enum)) push(`${path} = "NOT-A-DOCUMENTED-VALUE" (enum)`, 'NOT-A-DOCUMENTED-VALUE');
    if (typeof s.minLength === 'number' && s.minLength > 0) push(`${path} = "" (minLength ${s.minLength})`, '');
  }
  if (types.includes('boolean')) push(`${path} = "yes"`, 'yes');
  return out;
}

function omit(value: unknown, name: string): unknown {
  if (!value || typeof value !== 'object') return value;
  const { [name]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

type Candidate = [description: string, body: unknown, spot: Spot, names?: string];

/** The leaf name of a body path ("body.search[0].column" → "column"); none for the body itself or an array item. */
function leaf(path: string): string | undefined {
  const match = /\.([A-Za-z_][\w-]*)$/.exec(path);
  return match?.[1];
}

/** Random wrong values at random spots (seeded): the fast-check part. Only values that really violate the schema are kept. */
function randomViolations(base: Spot[], seed: number, runs: number): Candidate[] {
  const wrong = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -1000, max: -1 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
  const picks = fc.sample(fc.tuple(fc.nat({ max: base.length - 1 }), wrong), { seed, numRuns: runs });
  return picks.map(([i, v]) => [`${base[i].path} = ${JSON.stringify(v)}`, base[i].put(v), base[i], leaf(base[i].path)]);
}

/** Body violations (boundary + random), each checked invalid against the body schema, deduplicated. */
function bodyViolations(spec: SpecIndex, base: RequestSpec, opts: { seed: number; runs: number }): Violation[] {
  const schema = requestBodySchema(base.operation);
  if (!schema || base.body === undefined) return [];
  const all = spots(schema, base.body, 'body', (v) => v);
  const candidates: Candidate[] = [...all.flatMap((spot) => boundary(spot).map(([d, v, names]) => [d, spot.put(v), spot, names] as Candidate)), ...randomViolations(all, opts.seed, opts.runs)];
  const seen = new Set<string>();
  return candidates
    .filter(([description, body]) => !seen.has(description) && seen.add(description) && spec.validate(schema, body) !== undefined)
    .map(([description, body, spot, names]) => ({ description, request: { ...base, body }, names, basis: spot.basis }));
}

/** Query and header parameter violations: missing required, too long, bad pattern, not a boolean, unknown enum. */
function parameterViolations(base: RequestSpec): Violation[] {
  const out: Violation[] = [];
  for (const p of parametersOf(base.operation)) {
    const s = (p.schema ?? {}) as Schema;
    const values: [string, string | typeof REMOVE][] = [];
    if (p.in === 'query' && p.required) values.push([`query without required "${p.name}"`, REMOVE]);
    // No empty-value probe: `?name=` is read as "absent" by many stacks (Prism included; OpenAPI's allowEmptyValue is
    // deprecated), so an empty query value is ambiguous on the wire; minLength is probed through bodies instead.
    if (typeof s.maxLength === 'number') values.push([`${p.in} ${p.name} with ${s.maxLength + 1} characters (maxLength ${s.maxLength})`, 'x'.repeat(s.maxLength + 1)]);
    if (typeof s.pattern === 'string') values.push([`${p.in} ${p.name} = "not valid!" (pattern)`, 'not valid!']);
    if (s.type === 'boolean') values.push([`${p.in} ${p.name} = "maybe" (boolean)`, 'maybe']);
    if (Array.isArray(s.enum)) values.push([`${p.in} ${p.name} = "xx-NOPE" (enum)`, 'xx-NOPE']);
    for (const [description, value] of values) out.push({ description, request: withParameter(base, p.in, p.name, value), names: p.name, basis: basisOf(p) });
  }
  return out;
}

function withParameter(base: RequestSpec, where: string, name: string, value: string | typeof REMOVE): RequestSpec {
  if (where === 'header' && name.toLowerCase() === 'accept-language') return { ...base, acceptLanguage: value === REMOVE ? null : value };
  const query = { ...(base.query ?? {}) };
  if (value === REMOVE) delete query[name];
  else query[name] = value;
  return { ...base, query };
}

/** All violations for one operation, deterministic for a given seed and run count. */
export function violationsFor(spec: SpecIndex, base: RequestSpec, opts: { seed: number; runs: number }): Violation[] {
  return [...parameterViolations(base), ...bodyViolations(spec, base, opts)];
}
