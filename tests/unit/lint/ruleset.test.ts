// The real ruleset over the real spec: zero errors and warnings, and the guide's rules bite on mutated copies.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Ruleset } from '@stoplight/spectral-core';
import { editSpec } from '../../../src/adopt/edit-spec.ts';
import type { FieldChange } from '../../../src/contract/propose/proposal.ts';
import { checkDecisions } from '../../../src/spec/decisions.ts';
import { SPEC_PATH } from '../../../src/spec/spec.ts';
import { flipped } from '../../support/decided.ts';
import { lint, loadRealRuleset } from './support/lint-rule.ts';

const ERROR = 0;
const WARNING = 1;
let ruleset: Ruleset;
const specText = readFileSync(SPEC_PATH, 'utf8');

beforeAll(async () => {
  ruleset = await loadRealRuleset();
});

/** Replace exactly one occurrence, so a test never passes because its mutation silently missed. */
function mutate(from: string, to: string): string {
  const at = specText.indexOf(from);
  expect(at, `"${from}" not found in the spec`).toBeGreaterThanOrEqual(0);
  expect(specText.indexOf(from, at + 1), `"${from}" found twice in the spec`).toBe(-1);
  return specText.slice(0, at) + to + specText.slice(at + from.length);
}

describe('openapi/lint/ruleset.yaml', () => {
  test('valid: the real spec has no error and no warning', async () => {
    const hits = await lint(ruleset, { file: SPEC_PATH });
    expect(hits.filter((h) => h.severity === ERROR || h.severity === WARNING)).toEqual([]);
  });

  test('valid: every wupex rule is loaded as an error', () => {
    const ours = Object.values(ruleset.rules).filter((r) => r.name.startsWith('wupex-'));
    expect(ours.map((r) => r.name).sort()).toEqual([
      'wupex-accept-language-required',
      'wupex-api-key-in-header',
      'wupex-auth-and-rate-limit-responses',
      'wupex-decision-references',
      'wupex-error-envelope',
      'wupex-named-examples',
      'wupex-no-api-key-parameter',
      'wupex-operation-id-camel-case',
      'wupex-operation-secured',
      'wupex-server-environment',
      'wupex-server-https',
    ]);
    expect(ours.every((r) => r.severity === ERROR && r.enabled)).toBe(true);
  });

  test('every wupex rule has a description and its own test file', () => {
    for (const rule of Object.values(ruleset.rules).filter((r) => r.name.startsWith('wupex-'))) {
      expect(rule.description, rule.name).toMatch(/^.{20,}$/);
      expect(existsSync(resolve(import.meta.dirname, `${rule.name}.test.ts`)), `${rule.name}.test.ts`).toBe(true);
    }
  });

  test('invalid: the x-api-key scheme moved to the query string', async () => {
    const text = mutate('      type: apiKey\n      in: header', '      type: apiKey\n      in: query');
    const codes = (await lint(ruleset, { file: SPEC_PATH, text })).map((h) => h.code);
    expect(codes).toContain('wupex-api-key-in-header');
  });

  test('invalid: Accept-Language removed from getBalance', async () => {
    const text = mutate(
      "      tags: [Customer]\n      security:\n        - apiKey: []\n      parameters:\n        - $ref: '#/components/parameters/AcceptLanguage'\n",
      '      tags: [Customer]\n      security:\n        - apiKey: []\n',
    );
    const hits = await lint(ruleset, { file: SPEC_PATH, text });
    expect(hits.map(({ code, path }) => ({ code, path }))).toContainEqual({
      code: 'wupex-accept-language-required',
      path: 'paths./api/customer/balance.get',
    });
  });

  test('invalid: an example that breaks its schema is an error (oas3-valid-media-example)', async () => {
    const text = mutate('      example: A00000000000123', '      example: ""');
    const hits = await lint(ruleset, { file: SPEC_PATH, text });
    expect(hits.filter((h) => h.severity === ERROR).map((h) => h.code)).toContain('oas3-valid-media-example');
  });
});

// What `npm run adopt` writes must pass the same lint as the hand-written spec (issue 16: after adopt, lint:spec passes):
// the kit's spec aligned with decisions unlike today's on every entry, plus a new undocumented field of every JSON type.
describe('a spec written by npm run adopt', () => {
  const TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'] as const;
  const example = { when: '2026-12-05T12:00:00.000Z', request: 'GET /api/customer/balance', status: 200 } as unknown as FieldChange['example'];
  const fields: FieldChange[] = TYPES.map((type) => ({ operationId: 'getBalance', status: 200, pointer: `/data/seen_${type}`, type, seen: 1, example }));

  test('every entry flipped, a new field of every type: no lint error or warning', async () => {
    const decided = checkDecisions(flipped());
    if (!decided.ok) throw new Error(decided.error.message);
    const edit = editSpec(specText, decided.value, fields, { adoptedFrom: '2026-12-05, a test', exists: () => false });
    expect(edit.unplaced).toEqual([]);
    expect(edit.changed.filter((c) => c.includes('new optional property'))).toHaveLength(TYPES.length);
    const dir = mkdtempSync(join(tmpdir(), 'wupex-adopted-lint-'));
    try {
      cpSync(dirname(SPEC_PATH), join(dir, 'openapi'), { recursive: true });
      const spec = join(dir, 'openapi', 'wupex.yaml');
      writeFileSync(spec, edit.text);
      for (const [file, text] of edit.examples) writeFileSync(join(dir, 'openapi', file), text);
      const hits = await lint(ruleset, { file: spec });
      expect(hits.filter((h) => h.severity === ERROR || h.severity === WARNING)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
