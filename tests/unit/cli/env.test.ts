// Configuration comes from the environment, with a git-ignored .env as fallback; real variables win, empty ones count as unset.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadKitEnv, parseDotEnv } from '../../../src/cli/env.ts';

describe('parseDotEnv', () => {
  test('reads KEY=value lines, quotes, export; skips comments, blanks and junk', () => {
    const text = '# comment\n\nWUPEX_BASE_URL=http://127.0.0.1:4010\nexport KIT_TARGET="sandbox"\nQUOTED=\'a b\'\nnot a line\n';
    expect(parseDotEnv(text)).toEqual({ WUPEX_BASE_URL: 'http://127.0.0.1:4010', KIT_TARGET: 'sandbox', QUOTED: 'a b' });
  });
});

describe('loadKitEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wupex-env-'));
  writeFileSync(join(dir, '.env'), 'WUPEX_API_KEY=from-file\nKIT_TARGET=sandbox\nWUPEX_BASE_URL=\n');

  test('the environment wins over .env', () => {
    expect(loadKitEnv({ WUPEX_API_KEY: 'from-env' }, dir)).toMatchObject({ WUPEX_API_KEY: 'from-env', KIT_TARGET: 'sandbox' });
  });

  test('empty values are unset, so a copied .env.example configures nothing', () => {
    expect(loadKitEnv({ KIT_TARGET: '' }, dir)).toEqual({ WUPEX_API_KEY: 'from-file', KIT_TARGET: 'sandbox' });
  });

  test('without a .env file only the environment counts', () => {
    expect(loadKitEnv({ WUPEX_API_KEY: 'k' }, tmpdir())).toEqual({ WUPEX_API_KEY: 'k' });
  });
});
