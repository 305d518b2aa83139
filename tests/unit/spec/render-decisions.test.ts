// decisions.yaml is kept in the layout `npm run adopt` writes, and the layout reads back as the same value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDecisions, DECISIONS_PATH, kitDecisions } from '../../../src/spec/decisions.ts';
import { renderDecisions } from '../../../src/spec/render-decisions.ts';
import { loadVendored } from '../../../src/spec/vendor.ts';

const yaml = loadVendored('js-yaml').require('js-yaml') as { load(text: string): unknown };

describe('renderDecisions', () => {
  it('the committed decisions.yaml is exactly what adopt would write for its value', () => {
    expect(renderDecisions(kitDecisions())).toBe(readFileSync(DECISIONS_PATH, 'utf8'));
  });

  it('another profile (reject -> clamp, fallback, a new status) renders to YAML that loads as the same value', () => {
    const other = structuredClone(kitDecisions()) as any;
    other.paging.outOfRange = { action: 'clamp' };
    other.acceptLanguage.missing = { action: 'fallback', to: 'en-US' };
    other.pullCodes.successStatus = 201;
    other.pullCodes.outOfStock = { status: 422, code: 'OUT_OF_STOCK' };
    other.codesByStatus['415'] = 'UNSUPPORTED_MEDIA_TYPE';
    const checked = checkDecisions(yaml.load(renderDecisions(other)));
    expect(checked.ok && checked.value).toEqual(other);
  });
});
