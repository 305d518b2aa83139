// npm run gen:checks-table: regenerate the docs/verify.md table of checks from ALL_CHECKS (a test fails when it is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_CHECKS } from '../src/contract/checks/index.ts';
import { createReporter, EXIT, parseFlags } from '../src/cli/flags.ts';
import { PACKAGE_ROOT } from '../src/core/package-root.ts';
import { kitError } from '../src/core/result.ts';
import { renderChecksTable, TABLE_MARKERS, withChecksTable } from '../src/contract/report/checks-table.ts';

export const README_PATH = resolve(PACKAGE_ROOT, 'docs/verify.md');

const USAGE = `Usage: npm run gen:checks-table

Rewrites the checks table in docs/verify.md (between its checks-table markers) from ALL_CHECKS in src/contract/checks/index.ts.
A test fails when the committed table is stale. Flags: --help.`;

function main(argv: string[]): number {
  const reporter = createReporter({ secrets: [] });
  const flags = parseFlags(argv, { help: { type: 'boolean', short: 'h' } });
  if (!flags.ok) {
    reporter.error({ ...flags.error, hint: USAGE });
    return EXIT.usage;
  }
  if (flags.value.help) {
    reporter.line(USAGE);
    return EXIT.ok;
  }
  const readme = readFileSync(README_PATH, 'utf8');
  const next = withChecksTable(readme, renderChecksTable(ALL_CHECKS));
  if (next === undefined) {
    reporter.error(kitError('CHECKS_TABLE_MARKERS_MISSING', `docs/verify.md has no ${TABLE_MARKERS.start} … ${TABLE_MARKERS.end} pair.`, { hint: 'Put both markers inside <!-- section:verify --> and run again.' }));
    return EXIT.usage;
  }
  if (next !== readme) writeFileSync(README_PATH, next);
  reporter.info(next === readme ? 'docs/verify.md checks table is up to date.' : `docs/verify.md checks table regenerated (${ALL_CHECKS.length} checks).`);
  return EXIT.ok;
}

process.exitCode = main(process.argv.slice(2));
