// The README table of checks is generated from ALL_CHECKS and must be fresh; ids are unique and well formed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderChecksTable, withChecksTable } from '../../../../src/contract/report/checks-table.ts';
import { ALL_CHECKS } from '../../../../src/contract/checks/index.ts';

const README = resolve(import.meta.dirname, '../../../../docs/verify.md');

describe('checks table', () => {
  test('docs/verify.md holds the table generated from ALL_CHECKS (run `npm run gen:checks-table` when this fails)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withChecksTable(readme, renderChecksTable(ALL_CHECKS))).toBe(readme);
  });

  test('a table from another catalogue would not match (the freshness test can fail)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withChecksTable(readme, renderChecksTable(ALL_CHECKS.slice(1)))).not.toBe(readme);
  });

  test('check ids are unique, group.name in kebab-case, and each lives in src/contract/checks/<id>.ts', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
      expect(readFileSync(resolve(import.meta.dirname, `../../../../src/contract/checks/${id}.ts`), 'utf8')).toContain(`id: '${id}'`);
    }
  });
});
