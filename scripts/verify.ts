// npm run verify: run the check catalogue against one target, print one line per check and operation, exit 0/1/2/3.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALL_CHECKS } from '../tests/checks/index.ts';
import { createReporter, EXIT, type Reporter } from './lib/cli.ts';
import { loadKitEnv } from './lib/env.ts';
import { toJUnit } from './lib/junit.ts';
import { HELP, keyArgumentValues, parseVerifyArgs, type VerifyArgs } from './lib/verify/args.ts';
import { countLine, formatLines, junitCases } from './lib/verify/format.ts';
import { verify, type VerifyOptions } from './lib/verify/run-verify.ts';

async function run(args: VerifyArgs, reporter: Reporter): Promise<number> {
  const result = await verify({
    target: args.target as VerifyOptions['target'],
    baseUrl: args.baseUrl,
    allowOrders: args.allowOrders,
    seed: args.seed,
    runs: args.runs,
    checks: args.checks,
    waitMs: args.waitMs,
    env: loadKitEnv(),
    onStart: (target) =>
      reporter.info(`Verifying ${target.inProcess ? 'the twin in-process (no port)' : `${target.name} at ${target.baseUrl}`} (seed ${args.seed}, runs ${args.runs})`),
  });
  if (!result.ok) {
    reporter.error(result.error);
    return result.error.code === 'CONFIG_INVALID' ? EXIT.usage : EXIT.unreachable;
  }
  const report = result.value;
  for (const line of formatLines(report)) reporter.line(line);
  reporter.line(countLine(report));
  if (args.junit) {
    mkdirSync(dirname(args.junit), { recursive: true });
    writeFileSync(args.junit, toJUnit(`wupex verify (${report.target.name})`, junitCases(report), reporter.redact));
  }
  if (report.transportError) {
    reporter.error(report.transportError);
    return EXIT.unreachable;
  }
  return report.counts.failed > 0 ? EXIT.findings : EXIT.ok;
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
