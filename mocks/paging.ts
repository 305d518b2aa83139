// Paging and `search` filtering shared by listProducts and listOrders (S4, S6, S10; DECISIONS #6, #7, #15, #16).
import { err, ok, type Result } from '../src/core/result.ts';
import { INT32_MAX, type LoadedDecisions } from '../src/spec/decisions.ts';
import { vendorError, type VendorError } from './errors.ts';

/** Paging defaults (DECISIONS #7); tests/unit/mocks/paging.test.ts holds them equal to the spec's Page/PageSize defaults. */
export const PAGING_DEFAULTS = { page: 1, pageSize: 20 } as const;

export interface PageInfo {
  totalPage: number;
  totalCount: number;
  pageSize: number;
  currentPage: number;
}

export interface SearchFilter {
  column: string;
  operator: 'Equals' | 'GreaterThan';
  value: string;
}

/** How a column compares: as text, as a number, or as a timestamp (DECISIONS #16). */
export type ColumnKind = 'text' | 'number' | 'date';

export interface ColumnSpec<T> {
  kind: ColumnKind;
  read(item: T): string | number | null;
}

/** Slice one page; a page past the end is an empty list with a consistent pageInfo (DECISIONS #7). */
export function paginate<T>(items: readonly T[], page: number = PAGING_DEFAULTS.page, pageSize: number = PAGING_DEFAULTS.pageSize): { data: T[]; pageInfo: PageInfo } {
  const start = (page - 1) * pageSize;
  return {
    data: items.slice(start, start + pageSize),
    pageInfo: { totalPage: Math.ceil(items.length / pageSize), totalCount: items.length, pageSize, currentPage: page },
  };
}

/** The spec's largest page number (int32): a clamped page never goes past it. */
const PAGE_MAX = INT32_MAX;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/**
 * The page asked for, with the decided defaults; under `paging.outOfRange: clamp` (decisions.yaml, DECISIONS #7) an
 * out-of-range page or pageSize is pulled into its limits (the pipeline then lets it through instead of refusing it).
 */
export function pageOf(body: { page?: number; pageSize?: number }, paging: LoadedDecisions['paging']): { page: number; pageSize: number } {
  const page = body.page ?? paging.page.default;
  const pageSize = body.pageSize ?? paging.pageSize.default;
  if (paging.outOfRange.action !== 'clamp') return { page, pageSize };
  return { page: clamp(page, paging.page.min, PAGE_MAX), pageSize: clamp(pageSize, paging.pageSize.min, paging.pageSize.max) };
}

function toComparable(kind: ColumnKind, raw: string | number): number | string | undefined {
  if (kind === 'text') return String(raw);
  if (kind === 'number') {
    const n = typeof raw === 'number' ? raw : Number(raw);
    return raw === '' || Number.isNaN(n) ? undefined : n;
  }
  const t = Date.parse(String(raw));
  return Number.isNaN(t) ? undefined : t;
}

/** Build one predicate per filter, combined with AND; a value that does not parse for its column is a 400. */
export function compileSearch<T>(filters: readonly SearchFilter[] | undefined, columns: Record<string, ColumnSpec<T>>): Result<(item: T) => boolean, VendorError> {
  const predicates: Array<(item: T) => boolean> = [];
  for (const [index, filter] of (filters ?? []).entries()) {
    const column = columns[filter.column];
    if (!column) return err(vendorError('INVALID_PAYLOAD', `body.search[${index}].column '${filter.column}' is not searchable; use one of ${Object.keys(columns).join(', ')}.`));
    const wanted = toComparable(column.kind, filter.value);
    if (wanted === undefined) return err(vendorError('INVALID_PAYLOAD', `body.search[${index}].value '${filter.value}' is not a valid ${column.kind} for column '${filter.column}'.`));
    predicates.push((item) => {
      const raw = column.read(item);
      if (raw === null) return false;
      const actual = toComparable(column.kind, raw);
      if (actual === undefined) return false;
      return filter.operator === 'Equals' ? actual === wanted : actual > wanted;
    });
  }
  return ok((item: T) => predicates.every((p) => p(item)));
}
