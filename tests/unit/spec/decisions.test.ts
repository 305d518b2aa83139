// The strict decisions loader: the kit's file loads; every wrong entry is an error naming the entry, the value and what is allowed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSpecFile } from '../../../src/spec/spec.ts';
import { checkDecisions, DECISIONS_MAX_BYTES, DECISIONS_PATH, loadDecisions } from '../../../src/spec/decisions.ts';

const base = readSpecFile(DECISIONS_PATH) as Record<string, any>;
const edited = (edit: (d: Record<string, any>) => void) => {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
};
const dir = mkdtempSync(join(tmpdir(), 'wupex-decisions-'));

describe('loadDecisions', () => {
  test('the kit file loads, deep-frozen, with the choices the file holds (whatever npm run adopt wrote there)', () => {
    const loaded = loadDecisions();
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value).toEqual(base);
    expect([200, 201]).toContain(loaded.value.pullCodes.successStatus);
    expect(loaded.value.otherAccountOrder).toEqual({ status: expect.any(Number), code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/) });
    expect(Object.isFrozen(loaded.value.paging.outOfRange)).toBe(true);
    expect(Object.isFrozen(loaded.value.acceptLanguage.accepted)).toBe(true);
  });

  test.each([
    ['an unknown top-level key', (d: any) => { d.pagng = {}; }, 'pagng', 'no such entry'],
    ['an unknown nested key', (d: any) => { d.pullCodes.sucessStatus = 201; }, 'pullCodes.sucessStatus', 'no such entry'],
    ['a success status other than 200/201', (d: any) => { d.pullCodes.successStatus = 202; }, 'pullCodes.successStatus: received 202; allowed: 200, 201', ''],
    ['a status out of 100..599', (d: any) => { d.otherAccountOrder.status = 700; }, 'otherAccountOrder.status: received 700; allowed: an integer from 100 to 599', ''],
    ['a lower-case code', (d: any) => { d.contentType.code = 'bad_type'; }, 'contentType.code: received "bad_type"', 'SCREAMING_SNAKE'],
    ['an unknown action', (d: any) => { d.paging.outOfRange = { action: 'clip' }; }, 'paging.outOfRange.action: received "clip"; allowed: reject, clamp', ''],
    ['a missing entry', (d: any) => { delete d.retryAfter; }, 'retryAfter: received nothing', ''],
    ['a string for a boolean', (d: any) => { d.retryAfter.send = 'yes'; }, 'retryAfter.send: received "yes"; allowed: true, false', ''],
    ['a fallback to a value not accepted', (d: any) => { d.acceptLanguage.missing = { action: 'fallback', to: 'fr-FR' }; }, `acceptLanguage.missing.to: received "fr-FR"; allowed: ${base.acceptLanguage.accepted.join(', ')}`, ''],
    ['a bad status key', (d: any) => { d.codesByStatus['4xx'] = 'X'; }, 'codesByStatus.4xx', ''],
  ])('%s is DECISIONS_INVALID naming the entry', (_name, edit, names, also) => {
    const result = checkDecisions(edited(edit), 'mine.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('DECISIONS_INVALID');
    expect(result.error.message).toContain(`mine.yaml: ${names}`);
    expect(result.error.message).toContain(also);
  });

  test('an alternative profile is accepted', () => {
    const result = checkDecisions(edited((d) => { d.paging.outOfRange = { action: 'clamp' }; d.repeatedReferenceId = { action: 'reject', status: 409, code: 'DUPLICATE_REFERENCE' }; }));
    expect(result.ok && result.value.repeatedReferenceId).toEqual({ action: 'reject', status: 409, code: 'DUPLICATE_REFERENCE' });
  });

  test('a file over the bound is refused before it is parsed; bad YAML names the line', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(DECISIONS_MAX_BYTES)}\n`);
    const tooBig = loadDecisions(big);
    expect(!tooBig.ok && tooBig.error.code).toBe('DECISIONS_TOO_LARGE');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'paging: [\n');
    const bad = loadDecisions(broken);
    expect(!bad.ok && bad.error.message).toMatch(/DECISIONS_INVALID: .*broken\.yaml is not valid YAML/);
    const tagged = join(dir, 'tagged.yaml');
    writeFileSync(tagged, 'retryAfter: !!js/function "function(){}"\n');
    expect(loadDecisions(tagged).ok).toBe(false);
  });
});
