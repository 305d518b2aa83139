// Response-shape drift in 2xx answers: undocumented fields (adoptable as optional properties), documented optional
// fields never seen, and documented fields missing or of another type (facts of the guide: a human decides).
import type { Exchange } from '../../http/exchange.ts';
import { sourcesIn } from '../checks/lib/basis.ts';
import { responseSchema, type Schema } from '../checks/lib/spec-index.ts';
import type { Located } from './observe.ts';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** Where a field lives: the operation, the status answered, and a JSON pointer with `*` for array items (`/data/*\/region`). */
export interface FieldAt {
  operationId: string;
  status: number;
  pointer: string;
}

export interface UndocumentedField extends FieldAt {
  type: JsonType;
  seen: number;
  example: Exchange;
}

export interface FieldProblem extends FieldAt {
  problem: 'missing' | 'type';
  expected: string;
  received?: JsonType;
  /** The guide's sources (S-tags) and decision rows of the field (its own annotation, else its object's sources). */
  sources: string[];
  rows: string[];
  seen: number;
  example: Exchange;
}

export interface Drift {
  undocumented: UndocumentedField[];
  problems: FieldProblem[];
  neverSeen: FieldAt[];
}

export const DRIFT_BOUNDS = { depth: 12, fields: 200 } as const;

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

const branches = (schema: Schema): Schema[] => [schema, ...((schema.allOf ?? []) as Schema[]).flatMap(branches)];
const propertiesOf = (schema: Schema) => Object.assign({}, ...branches(schema).map((s) => (s.properties ?? {}) as Record<string, Schema>)) as Record<string, Schema>;
const requiredOf = (schema: Schema) => new Set(branches(schema).flatMap((s) => (s.required ?? []) as string[]));
const typesOf = (schema: Schema): string[] => {
  const t = branches(schema).map((s) => s.type).find((x) => x !== undefined);
  if (t !== undefined) return Array.isArray(t) ? (t as string[]) : [t as string];
  if (branches(schema).some((s) => 'const' in s)) return [jsonType(branches(schema).find((s) => 'const' in s)!.const)];
  return [];
};
const fits = (expected: string[], received: JsonType) => expected.length === 0 || expected.includes(received) || (received === 'integer' && expected.includes('number'));
const rowsOf = (schema: Schema) => {
  const raw = schema['x-decision'];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
};

interface Walk {
  at: Omit<FieldAt, 'pointer'>;
  exchange: Exchange;
  seenKeys: Set<string>;
  add(kind: 'undocumented' | 'missing' | 'type', pointer: string, detail: Omit<Partial<FieldProblem>, 'problem'> & { type?: JsonType }): void;
  optional: Map<string, FieldAt>;
}

interface Annotated {
  sources: string[];
  rows: string[];
}

/**
 * A missing field rests on its own annotation, else on its object's sources only (the guide's sample shows it: a fact);
 * a mistyped one on the nearest annotation, rows included (the money type is decision #3).
 */
function walk(value: unknown, schema: Schema, pointer: string, depth: number, w: Walk, outer: Annotated): void {
  if (depth > DRIFT_BOUNDS.depth) return;
  const here = { sources: sourcesIn(schema.description), rows: rowsOf(schema) };
  const nearest = here.sources.length || here.rows.length ? here : outer;
  if (Array.isArray(value)) {
    const items = branches(schema).map((s) => s.items).find((x) => x !== undefined) as Schema | undefined;
    if (items) for (const item of value.slice(0, 50)) walk(item, items, `${pointer}/*`, depth + 1, w, nearest);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const props = propertiesOf(schema);
  if (Object.keys(props).length === 0) return; // a free-form object documents no fields
  const required = requiredOf(schema);
  const record = value as Record<string, unknown>;
  for (const [name, prop] of Object.entries(props)) {
    const key = `${pointer}/${name}`;
    const own = { sources: sourcesIn(prop.description), rows: rowsOf(prop) };
    const annotated = own.sources.length || own.rows.length;
    if (!required.has(name)) w.optional.set(key, { ...w.at, pointer: key });
    if (!(name in record)) {
      if (required.has(name)) w.add('missing', key, { expected: 'present', ...(annotated ? own : { sources: nearest.sources, rows: [] }) });
      continue;
    }
    w.seenKeys.add(key);
    const received = jsonType(record[name]);
    const expected = typesOf(prop);
    if (!fits(expected, received)) {
      w.add('type', key, { expected: expected.join(' or '), received, ...(annotated ? own : nearest) });
      continue;
    }
    walk(record[name], prop, key, depth + 1, w, nearest);
  }
  for (const name of Object.keys(record)) {
    if (!Object.hasOwn(props, name)) w.add('undocumented', `${pointer}/${name}`, { type: jsonType(record[name]) });
  }
}

/** Pure: the drift of every 2xx JSON answer with a documented schema, counted across exchanges; bounded to DRIFT_BOUNDS.fields per list. */
export function findDrift(located: readonly Located[]): Drift {
  const undocumented = new Map<string, UndocumentedField>();
  const problems = new Map<string, FieldProblem>();
  const optional = new Map<string, FieldAt>();
  const seen = new Set<string>();
  for (const { exchange, operation } of located) {
    const { status, json } = exchange.response;
    if (!operation?.operationId || status < 200 || status >= 300 || json === undefined) continue;
    const schema = responseSchema(operation, status);
    if (!schema) continue;
    const at = { operationId: operation.operationId, status };
    const seenKeys = new Set<string>();
    const w: Walk = {
      at,
      exchange,
      seenKeys,
      optional,
      add(kind, pointer, detail) {
        const id = `${at.operationId} ${status} ${pointer}`;
        if (kind === 'undocumented') {
          const known = undocumented.get(id);
          if (known) known.seen += 1;
          else if (undocumented.size < DRIFT_BOUNDS.fields) undocumented.set(id, { ...at, pointer, type: detail.type ?? 'string', seen: 1, example: exchange });
          return;
        }
        const known = problems.get(`${kind} ${id}`);
        if (known) known.seen += 1;
        else if (problems.size < DRIFT_BOUNDS.fields) problems.set(`${kind} ${id}`, { ...at, pointer, problem: kind, expected: detail.expected ?? '', received: detail.received, sources: detail.sources ?? [], rows: detail.rows ?? [], seen: 1, example: exchange });
      },
    };
    walk(json, schema, '', 0, w, { sources: [], rows: [] });
    for (const key of seenKeys) seen.add(`${operation.operationId} ${key}`);
  }
  const neverSeen = [...optional.values()].filter((f) => !seen.has(`${f.operationId} ${f.pointer}`)).slice(0, DRIFT_BOUNDS.fields);
  return { undocumented: [...undocumented.values()], problems: [...problems.values()], neverSeen };
}
