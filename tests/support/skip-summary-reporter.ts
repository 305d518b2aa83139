// A vitest reporter that ends every run with the skipped suites and their reasons, then one plain count line.
import type { Reporter, TestModule } from 'vitest/node';

/** Skipped tests grouped by their outermost suite, whose name carries the reason ("sandbox (skipped: WUPEX_API_KEY not set)"). */
function skippedGroups(modules: ReadonlyArray<TestModule>): Map<string, number> {
  const groups = new Map<string, number>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      if (test.result().state !== 'skipped') continue;
      const names: string[] = [];
      for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) names.unshift(parent.name);
      const group = `${module.moduleId.replace(`${process.cwd()}/`, '')}: ${names[0] ?? test.name}`;
      groups.set(group, (groups.get(group) ?? 0) + 1);
    }
  }
  return groups;
}

/** Runs beside the default reporter: a skip is never silent, and the last line is `N passed, N failed, N skipped`. */
export class SkipSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') counts[state] += 1;
      }
    }
    const lines = [...skippedGroups(modules)].map(([group, n]) => `  SKIP ${group} (${n} test${n === 1 ? '' : 's'})`);
    if (lines.length > 0) process.stdout.write(`\nSkipped, with the reason:\n${lines.join('\n')}\n`);
    process.stdout.write(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
