// What `npm run adopt` writes must pass the same lint as the hand-written spec (issue 16: after adopt, lint:spec passes):
// the kit's spec aligned with decisions unlike today's on every entry, plus a new undocumented field of every JSON type.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { editSpec } from '../../../src/adopt/edit-spec.ts';
import type { FieldChange } from '../../../src/contract/propose/proposal.ts';
import { checkDecisions } from '../../../src/spec/decisions.ts';
import { SPEC_PATH } from '../../../src/spec/spec.ts';
import { flipped } from '../../support/decided.ts';
import { lint, loadRealRuleset } from './support/lint-rule.ts';

const dir = mkdtempSync(join(tmpdir(), 'wupex-adopted-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'] as const;
const example = { when: '2026-12-05T12:00:00.000Z', request: 'GET /api/customer/balance', status: 200 } as unknown as FieldChange['example'];
const fields: FieldChange[] = TYPES.map((type) => ({ operationId: 'getBalance', status: 200, pointer: `/data/seen_${type}`, type, seen: 1, example }));

test('the spec adopt writes (every entry flipped, a new field of every type) has no lint error or warning', async () => {
  const decided = checkDecisions(flipped());
  if (!decided.ok) throw new Error(decided.error.message);
  const edit = editSpec(readFileSync(SPEC_PATH, 'utf8'), decided.value, fields, { adoptedFrom: '2026-12-05, a test', exists: () => false });
  expect(edit.unplaced).toEqual([]);
  expect(edit.changed.filter((c) => c.includes('new optional property'))).toHaveLength(TYPES.length);
  cpSync(dirname(SPEC_PATH), join(dir, 'openapi'), { recursive: true });
  const spec = join(dir, 'openapi', 'wupex.yaml');
  writeFileSync(spec, edit.text);
  for (const [file, text] of edit.examples) writeFileSync(join(dir, 'openapi', file), text);
  const hits = await lint(await loadRealRuleset(), { file: spec });
  expect(hits.filter((h) => h.severity <= 1)).toEqual([]);
});
