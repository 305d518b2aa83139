// npm run verify: run the check catalogue against one target, print one line per check and operation, exit 0/1/2/3.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALL_CHECKS } from '../tests/checks/index.ts';
import { buildRequest } from '../tests/checks/context.ts';
import { runCatalogue } from '../tests/checks/run-catalogue.ts';
import { createSpecIndex } from '../tests/checks/lib/spec-index.ts';
import { resolveTarget } from '../tests/targets/resolve-target.ts';
import type { Target } from '../tests/targets/target.ts';
import { createReporter, EXIT, type Reporter } from './lib/cli.ts';
import { loadKitEnv } from './lib/env.ts';
import { toJUnit } from './lib/junit.ts';
import { HELP, keyArgumentValues, parseVerifyArgs, type VerifyArgs } from './lib/verify/args.ts';
import { countLine, formatLines, junitCases } from './lib/verify/format.ts';

/** One cheap read-only request first, so an unreachable target is exit 3 with a clear message, not 19 failures. */
async function reachable(target: Target, reporter: Reporter): Promise<boolean> {
  const spec = createSpecIndex();
  const balance = spec.operations.find((o) => o.operationId === 'getBalance');
  if (!balance) return true;
  const result = await target.send(buildRequest(target, { operation: balance }));
  if (!result.ok) reporter.error(result.error);
  return result.ok;
}

async function run(args: VerifyArgs, reporter: Reporter): Promise<number> {
  const resolved = await resolveTarget({ target: args.target, baseUrl: args.baseUrl, allowOrders: args.allowOrders, limits: args.limits, env: loadKitEnv() });
  if (!resolved.ok) {
    reporter.error(resolved.error);
    return resolved.error.code === 'CONFIG_INVALID' ? EXIT.usage : EXIT.unreachable;
  }
  const target = resolved.value;
  try {
    if (!(await reachable(target, reporter))) return EXIT.unreachable;
    reporter.info(`Verifying ${target.name} at ${target.baseUrl} (seed ${args.seed}, runs ${args.runs})`);
    const report = await runCatalogue({ target, seed: args.seed, runs: args.runs, only: args.checks });
    for (const line of formatLines(report)) reporter.line(line);
    reporter.line(countLine(report));
    if (args.junit) {
      mkdirSync(dirname(args.junit), { recursive: true });
      writeFileSync(args.junit, toJUnit(`wupex verify (${target.name})`, junitCases(report), reporter.redact));
    }
    if (report.transportError) {
      reporter.error(report.transportError);
      return EXIT.unreachable;
    }
    return report.counts.failed > 0 ? EXIT.findings : EXIT.ok;
  } finally {
    await target.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const env = loadKitEnv();
  const reporter = createReporter({ secrets: [env.WUPEX_API_KEY, ...keyArgumentValues(argv)] });
  const args = parseVerifyArgs(argv, ALL_CHECKS.map((c) => c.id));
  if (!args.ok) {
    reporter.error(args.error);
    return EXIT.usage;
  }
  if (args.value.help) {
    reporter.line(HELP);
    return EXIT.ok;
  }
  return run(args.value, reporter);
}

process.exitCode = await main(process.argv.slice(2));
