// Runs the Postman contract suite with Newman (in-process, no CLI): the key goes in as an environment value in memory, never argv or a file.
import newman, { type NewmanSummary } from 'newman';
import { expectedAssertions, type PostmanItem } from './postman-suite.ts';

export const NEWMAN_DEFAULTS = {
  /** Per request; the whole run is bounded by `runTimeoutMs`. */
  requestTimeoutMs: 10_000,
  runTimeoutMs: 120_000,
} as const;

export interface NewmanOptions {
  collection: { item?: PostmanItem[] };
  environment: object;
  /** Values set over the environment's (apiKey, baseUrl, merchantCode): held in memory only. */
  values: Record<string, string>;
  /** Only these folders (all when undefined). */
  folders?: readonly string[];
}

export interface NewmanOutcome {
  requests: number;
  assertions: { total: number; failed: number };
  /** What the suite declares (pm.test calls): a run whose total differs skipped or lost an assertion. */
  expectedAssertions: number;
  /** "Read the balance: status 200 (documented): expected response to have status code 200 but got 203". */
  failures: string[];
  /** Script errors (a broken test script, a JSON parse of a non-JSON answer outside pm.test). */
  scriptErrors: number;
}

export const newmanPassed = (o: NewmanOutcome) => o.failures.length === 0 && o.assertions.failed === 0 && o.assertions.total === o.expectedAssertions && o.scriptErrors === 0;

export function runNewman(options: NewmanOptions): Promise<NewmanOutcome> {
  const envVar = Object.entries(options.values).map(([key, value]) => ({ key, value }));
  const folder = options.folders ? [...options.folders] : undefined;
  return new Promise((done, fail) => {
    newman.run(
      { collection: options.collection, environment: options.environment, envVar, folder, reporters: [], timeoutRequest: NEWMAN_DEFAULTS.requestTimeoutMs, timeout: NEWMAN_DEFAULTS.runTimeoutMs },
      (error: Error | null, summary: NewmanSummary) => {
        if (error) return fail(error);
        const { stats, failures } = summary.run;
        done({
          requests: stats.requests.total,
          assertions: { total: stats.assertions.total, failed: stats.assertions.failed },
          expectedAssertions: expectedAssertions(options.collection, options.folders),
          failures: failures.map((f) => `${f.source?.name ?? '(collection)'}: ${f.error.test ? `${f.error.test}: ` : ''}${f.error.message}`),
          scriptErrors: stats.testScripts.failed + stats.prerequestScripts.failed,
        });
      },
    );
  });
}
