// npm run replay: judge recorded exchanges (.har) against the current spec, offline; reports like verify, exit 0/1/2.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSpecIndex } from '../tests/checks/lib/spec-index.ts';
import { createReporter, EXIT, type Reporter } from './lib/cli.ts';
import { loadKitEnv } from './lib/env.ts';
import { toJUnit } from './lib/junit.ts';
import { parseReplayArgs, REPLAY_HELP, type ReplayArgs } from './lib/replay/args.ts';
import { loadRecordings } from './lib/replay/load.ts';
import { replayRecordings } from './lib/replay/run-replay.ts';
import { loadSpec } from './lib/spec.ts';
import { countLine, formatLines, junitCases } from './lib/verify/format.ts';

function run(args: ReplayArgs, reporter: Reporter): number {
  let spec;
  try {
    spec = createSpecIndex(loadSpec(args.spec));
  } catch (cause) {
    reporter.error({ code: 'SPEC_INVALID', message: `Cannot read the spec ${args.spec}: ${(cause as Error).message}.`, hint: 'Pass --spec PATH to a readable OpenAPI file (default openapi/wupex.yaml); npm run lint:spec checks it.' });
    return EXIT.usage;
  }
  const recordings = loadRecordings(args.paths);
  if (!recordings.ok) {
    reporter.error(recordings.error);
    return EXIT.usage;
  }
  const report = replayRecordings(recordings.value, spec);
  reporter.info(`Replaying ${report.exchanges} recorded exchanges from ${recordings.value.length} file(s) against ${args.spec}`);
  for (const line of formatLines(report)) reporter.line(line);
  reporter.line(countLine(report));
  if (args.junit) {
    mkdirSync(dirname(args.junit), { recursive: true });
    writeFileSync(args.junit, toJUnit('wupex replay', junitCases(report), reporter.redact));
  }
  return report.counts.failed > 0 ? EXIT.findings : EXIT.ok;
}

function main(argv: string[]): number {
  const reporter = createReporter({ secrets: [loadKitEnv().WUPEX_API_KEY] });
  const args = parseReplayArgs(argv);
  if (!args.ok) {
    reporter.error(args.error);
    return EXIT.usage;
  }
  if (args.value.help) {
    reporter.line(REPLAY_HELP);
    return EXIT.ok;
  }
  return run(args.value, reporter);
}

process.exitCode = main(process.argv.slice(2));
