// The twin's paging defaults must be the ones the spec declares (DECISIONS #7): one source of truth, checked.
import { describe, expect, test } from 'vitest';
import { PAGING_DEFAULTS, paginate } from '../../../mocks/paging.ts';
import { loadSpec } from '../../../src/spec/spec.ts';

describe('paging', () => {
  test('the defaults are the spec\'s Page and PageSize defaults', () => {
    const schemas = loadSpec().components?.schemas as Record<string, { default?: unknown }>;
    expect(PAGING_DEFAULTS).toEqual({ page: schemas.Page.default, pageSize: schemas.PageSize.default });
  });

  test('a page past the end is empty with a consistent pageInfo', () => {
    expect(paginate([1, 2, 3], 3, 2)).toEqual({ data: [], pageInfo: { totalPage: 2, totalCount: 3, pageSize: 2, currentPage: 3 } });
  });
});
