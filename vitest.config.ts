import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SkipSummaryReporter } from './tests/support/skip-summary-reporter.ts';

// One include glob: unit tests mirror the source under tests/unit, contract tests live in tests/contract.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The pack test installs the packed kit into a temporary project: npm run test:pack (README), not npm test.
    exclude: ['tests/pack/**', 'node_modules/**'],
    restoreMocks: true,
    // Modules hold no state (house rule), so files can share one module graph: halves the run on 2 cores.
    isolate: false,
    // One worker per core: the default (cores - 1) is a single worker on 2 cores, and much of the suite waits on subprocesses/sockets.
    maxWorkers: availableParallelism(),
    // The default output, then every skipped suite with its reason and a plain count line.
    reporters: ['default', new SkipSummaryReporter()],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
