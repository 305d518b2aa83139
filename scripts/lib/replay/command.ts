// The replay command as a function (argv + reporter in, exit code out), so it is tested in-process; scripts/replay.ts only calls it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSpecIndex, type SpecIndex } from '../../../tests/checks/lib/spec-index.ts';
import { EXIT, type Reporter } from '../cli.ts';
import { toJUnit } from '../junit.ts';
import { loadSpec } from '../spec.ts';
import { countLine, formatLines, junitCases } from '../verify/format.ts';
import { parseReplayArgs, REPLAY_HELP } from './args.ts';
import { loadRecordings } from './load.ts';
import { replayRecordings } from './run-replay.ts';

function specIndex(path: string, reporter: Reporter): SpecIndex | undefined {
  try {
    return createSpecIndex(loadSpec(path));
  } catch (cause) {
    reporter.error({ code: 'SPEC_INVALID', message: `Cannot read the spec ${path}: ${(cause as Error).message}.`, hint: 'Pass --spec PATH to a readable OpenAPI file (default openapi/wupex.yaml); npm run lint:spec checks it.' });
    return undefined;
  }
}

/** Parse, load, judge, print (and write JUnit): 0 no failure, 1 a check failed, 2 usage error. */
export function replayCommand(argv: readonly string[], reporter: Reporter): number {
  const args = parseReplayArgs(argv);
  if (!args.ok) {
    reporter.error(args.error);
    return EXIT.usage;
  }
  if (args.value.help) {
    reporter.line(REPLAY_HELP);
    return EXIT.ok;
  }
  const spec = specIndex(args.value.spec, reporter);
  if (!spec) return EXIT.usage;
  const recordings = loadRecordings(args.value.paths);
  if (!recordings.ok) {
    reporter.error(recordings.error);
    return EXIT.usage;
  }
  const report = replayRecordings(recordings.value, spec);
  reporter.info(`Replaying ${report.exchanges} recorded exchanges from ${recordings.value.length} file(s) against ${args.value.spec}`);
  for (const line of formatLines(report)) reporter.line(line);
  reporter.line(countLine(report.counts));
  if (args.value.junit) {
    mkdirSync(dirname(args.value.junit), { recursive: true });
    writeFileSync(args.value.junit, toJUnit('wupex replay', junitCases(report), reporter.redact));
  }
  return report.counts.failed > 0 ? EXIT.findings : EXIT.ok;
}
