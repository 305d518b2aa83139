// Which of Prism's diagnostics the decisions answer otherwise (#7 paging, #20 Accept-Language): the same line the checks draw.
import { describe, expect, test } from 'vitest';
import { decideDiagnostics } from '../../../mocks/decided-diagnostics.ts';
import type { PrismDiagnostic } from '../../../mocks/prism.ts';
import { checkDecisions, type Decisions } from '../../../src/spec/decisions.ts';
import { kitCopy } from '../../support/decided.ts';

const pageMax: PrismDiagnostic = { path: ['body', 'page'], code: 'maximum', message: 'must be <= 2147483647' };
const pageMin: PrismDiagnostic = { path: ['body', 'page'], code: 'minimum', message: 'must be >= 1' };

function decisions(outOfRange: Decisions['paging']['outOfRange']) {
  const d = kitCopy();
  d.paging.outOfRange = outOfRange;
  const checked = checkDecisions(d);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

describe('decideDiagnostics: paging (#7)', () => {
  const refusing = decisions({ action: 'reject', status: 400, code: 'PAGE_OUT_OF_RANGE' });
  const clamping = decisions({ action: 'clamp' });

  test('page 0 is out of range: the decided refusal, or dropped when clamped', () => {
    expect(decideDiagnostics([pageMin], {}, refusing, { page: 0 })).toEqual({ kept: [pageMin], refusal: refusing.paging.outOfRange });
    expect(decideDiagnostics([pageMin], {}, clamping, { page: 0 })).toEqual({ kept: [] });
  });

  test('a page past int32 is not a page at all: a plain 400 (the code of the status), refused even when paging clamps', () => {
    expect(decideDiagnostics([pageMax], {}, refusing, { page: 2_147_483_648 })).toEqual({ kept: [pageMax] });
    expect(decideDiagnostics([pageMax], {}, clamping, { page: 2_147_483_648 })).toEqual({ kept: [pageMax] });
  });
});
