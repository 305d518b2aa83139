// Doctor check `spec-lint`: the lint outcome becomes ok or FAIL with Spectral's summary line.
import { describe, expect, test } from 'vitest';
import { lintSummary, specLint } from '../../../src/doctor/spec-lint.ts';
import { testContext } from './fixtures.ts';

const SPECTRAL_FAILURE = `
/work/main/openapi/wupex.yaml
 12:5  warning  info-contact  Info object must have "contact" object.  info

✖ 1 problem (0 errors, 1 warning, 0 infos, 0 hints)
`;

describe('spec-lint', () => {
  test('exit 0 is ok', async () => {
    expect(await specLint.run(testContext())).toEqual({ status: 'ok', what: 'openapi/wupex.yaml lints clean (npm run lint:spec)' });
  });

  test('findings fail with the summary and the command to see them', async () => {
    const result = await specLint.run(testContext({ runSpecLint: async () => ({ code: 1, output: SPECTRAL_FAILURE }) }));
    expect(result).toEqual({
      status: 'fail',
      what: 'openapi/wupex.yaml has lint findings: ✖ 1 problem (0 errors, 1 warning, 0 infos, 0 hints)',
      fix: 'Run: npm run lint:spec, and fix each finding it lists.',
    });
  });

  test('a missing spectral binary says to install', async () => {
    const result = await specLint.run(testContext({ runSpecLint: async () => ({ code: null, output: '/x/node_modules/.bin/spectral not found' }) }));
    expect(result).toMatchObject({ status: 'fail', what: 'Spectral could not run: /x/node_modules/.bin/spectral not found' });
  });

  test('lintSummary falls back to the last line', () => {
    expect(lintSummary('a\nb\n')).toBe('b');
    expect(lintSummary('')).toBe('no output');
  });
});
