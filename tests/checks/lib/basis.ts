// What a finding rests on, read from the spec element it failed on: its `x-decision` rows and the S-tags of its description.
import type { SpecOperation } from '../../../scripts/lib/spec.ts';
import type { Basis } from '../check.ts';
import { parametersOf } from './spec-index.ts';

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
