// What a finding rests on, read from the spec element it failed on: its `x-decision` rows and the S-tags of its description.
import type { SpecOperation } from '../../../spec/spec.ts';
import { NO_BASIS, type Basis } from '../check.ts';
import { parametersOf, type Schema, type SchemaErrorAt } from './spec-index.ts';

const uniq = (items: string[]) => [...new Set(items)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** `x-decision: 7`, `x-decision: D1` or `x-decision: [12, 13]` as row ids ("7", "D1"). */
export function decisionsOf(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const raw = (node as Record<string, unknown>)['x-decision'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((v) => String(v));
}

/** The guide's source tags (S1..S11) named in a text; "S1a" counts as S1. T-tags (third-party code) are not the guide. */
export function sourcesIn(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return uniq([...text.matchAll(/\bS(1[01]|[1-9])[a-z]?\b/g)].map((m) => `S${m[1]}`));
}

/** The basis of spec elements: their x-decision rows and the S-tags of their descriptions. */
export function basisOf(...nodes: unknown[]): Basis {
  return mergeBasis(
    ...nodes.map((node) => ({ decisions: decisionsOf(node), sources: sourcesIn((node as { description?: unknown } | undefined)?.description) })),
  );
}

export function mergeBasis(...parts: Partial<Basis>[]): Basis {
  return { decisions: uniq(parts.flatMap((p) => p.decisions ?? [])), sources: uniq(parts.flatMap((p) => p.sources ?? [])) };
}

/** A basis written in a check (when no single spec element carries it). */
export const basis = (decisions: string[], sources: string[] = []): Basis => mergeBasis({ decisions, sources });

/** The basis of one parameter of an operation (Accept-Language: DECISIONS #20, S2, S3). */
export function parameterBasis(operation: SpecOperation, name: string): Basis {
  return basisOf(parametersOf(operation).find((p) => p.name.toLowerCase() === name.toLowerCase()));
}

/** The schemas a JSON pointer into a value passes through (properties, items, allOf branches), root first. */
function schemasAlong(schema: Schema, pointer: string): Schema[] {
  const out: Schema[] = [schema];
  let here: Schema[] = [schema];
  for (const segment of pointer.split('/').slice(1)) {
    const expand = (s: Schema): Schema[] => [s, ...((s.allOf ?? []) as Schema[]).flatMap(expand)];
    here = here.flatMap(expand).flatMap((s) => {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      if (/^\d+$/.test(segment) && s.items) return [s.items as Schema];
      return props[segment] ? [props[segment]] : [];
    });
    out.push(...here);
  }
  return out;
}

/** A field's presence is what the guide's samples show: a fact unless the field itself is a decision (its type may be one, #3). */
const SHAPE_KEYWORDS = new Set(['required']);

/**
  * The basis of the deepest annotated schema on each path (a response field's own row, else its object's). A missing
 * field rests on its own annotation, else only on its object's sources: a balance without `credit` contradicts
 * S7 (the guide's sample), not the object's money decision (#3).
 */
export function schemaBasisAt(schema: Schema, errors: SchemaErrorAt[]): Basis {
  return mergeBasis(
    ...errors.map(({ pointer, keyword }) => {
      const along = schemasAlong(schema, pointer);
      const annotated = along.filter((s) => decisionsOf(s).length > 0 || sourcesIn(s.description).length > 0);
      const deepest = annotated[annotated.length - 1];
      if (!deepest) return NO_BASIS;
      const own = deepest === along[along.length - 1];
      return SHAPE_KEYWORDS.has(keyword) && !own ? { decisions: [], sources: sourcesIn(deepest.description) } : basisOf(deepest);
    }),
  );
}
