// scripts/spec-diff.ts as a subprocess (one start: the in-process cases are in tests/unit/spec-diff): the spec against its own bundle is no change, exit 0, both reports written in the cwd.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BUNDLED_SPEC_PATHS } from '../../../src/spec/spec-bundle.ts';
import { runScript } from '../../support/run-script.ts';

test('npm run spec:diff -- --base <the built bundle>: no change, replay clean, exit 0', async () => {
  const run = await runScript('spec-diff', ['--base', BUNDLED_SPEC_PATHS.json], {});
  expect(run.stderr).toContain('Reports: reports/spec-diff.json, reports/spec-diff.md');
  expect(run.stdout).toContain('breaking 0, non-breaking 0, annotation 0; components 0');
  expect(run.stdout).toMatch(/Replay: \d+ recorded exchanges from 1 file\(s\) against the new spec: 0 failed\./);
  expect(run.stdout).toContain('Verdict: no unacknowledged breaking change.');
  expect(run.code).toBe(0);
  expect(existsSync(join(run.cwd, 'reports/spec-diff.json')) && existsSync(join(run.cwd, 'reports/spec-diff.md'))).toBe(true);
});
