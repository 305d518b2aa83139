// vitest `test.extend` with a file-scoped `target` and the catalogue's `report` on it: contract files only pick the target.
import { test as base } from 'vitest';
import { runCatalogue, type RunReport } from '../../src/contract/run-catalogue.ts';
import type { Target } from '../../src/contract/targets/target.ts';
import { documentsNoHeader, NO_DOCUMENTED_HEADER } from '../../src/contract/checks/conformance.response-headers.ts';
import { listOperations, loadSpec } from '../../src/spec/spec.ts';

/** Modest generated-request count, so the offline `npm test` stays well under a minute on 2 cores. */
export const CONTRACT_RUNS = 5;

/** A test API whose `target` is opened once per file (and closed after it), and whose `report` runs the catalogue once. */
/** `secondKey`: another account's key on the same target, for isolation.other-account. */
export function contractTest(open: () => Promise<Target>, options: { secondKey?: string } = {}) {
  return base.extend<{ $file: { target: Target; report: RunReport } }>({
    target: [
      async ({}, use) => {
        const target = await open();
        await use(target);
        await target.close();
      },
      { scope: 'file' },
    ],
    report: [async ({ target }, use) => use(await runCatalogue({ target, runs: CONTRACT_RUNS, secondKey: options.secondKey })), { scope: 'file' }],
  });
}

/** The failure messages of one check, with their curl lines: what a red contract test prints. */
export function failuresOf(report: RunReport, checkId: string): string[] {
  return report.findings.filter((f) => f.checkId === checkId).map((f) => `${f.message}\n  ${f.reproduce}`);
}

/**
 * The SKIP lines no target can avoid, as `check operation`: conformance.response-headers on each operation whose responses
 * the kit's spec gives no header (none today; all five once `retryAfter.send: false` is adopted). Derived from the spec.
 */
export function skipsBySpec(): string[] {
  return listOperations(loadSpec()).filter(documentsNoHeader).map((o) => `conformance.response-headers ${o.label}`);
}

/** A SKIP line of that kind. */
export const skippedBySpec = (line: { reason?: string }): boolean => line.reason === NO_DOCUMENTED_HEADER;
