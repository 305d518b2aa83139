// The replay command as a function (argv + reporter in, exit code out), so it is tested in-process; scripts/replay.ts only calls it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createSpecIndex, type SpecIndex } from '../contract/checks/lib/spec-index.ts';
import { EXIT, type Reporter } from '../cli/flags.ts';
import { toJUnit } from '../contract/report/junit.ts';
import { loadSpec } from '../spec/spec.ts';
import { DECISIONS_PATH, loadDecisions, type DecisionRow } from '../contract/report/decisions.ts';
import { countLine, formatLines, junitCases } from '../contract/report/format.ts';
import { toJsonReport } from '../contract/report/json-report.ts';
import { buildReport, type VerifyReport } from '../contract/report/report.ts';
import { formatSections } from '../contract/report/sections.ts';
import { parseReplayArgs, REPLAY_HELP, type ReplayArgs } from './args.ts';
import { loadRecordings, type Recording } from './load.ts';
import { replayRecordings, type Located } from './run-replay.ts';
import { DECISIONS_PATH as KIT_DECISIONS, loadDecisions as readDecisions, type LoadedDecisions } from '../spec/decisions.ts';
import { proposeFrom, writeProposal } from '../contract/propose/write-proposal.ts';
import { formatProposal } from '../contract/propose/proposal.ts';
import { inputAt, isRecordingName, sameFile } from '../core/same-file.ts';

function specIndex(path: string, reporter: Reporter): SpecIndex | undefined {
  try {
    return createSpecIndex(loadSpec(path));
  } catch (cause) {
    reporter.error({ code: 'SPEC_INVALID', message: `Cannot read the spec ${path}: ${(cause as Error).message}.`, hint: 'Pass --spec PATH to a readable OpenAPI file (default openapi/wupex.yaml); npm run lint:spec checks it.' });
    return undefined;
  }
}

/** Parse, load, judge, print like verify (lines, count, the two closing sections), write the reports: 0 no failure, 1 a check failed, 2 usage error. */
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
  // A recording made by another tool (or an older kit) may hold keys in clear: none of them may reach the output.
  reporter.addSecrets(recordedKeys(recordings.value));
  const decided = readDecisions(decisionsFileFor(args.value));
  if (!decided.ok) {
    reporter.error(decided.error);
    return EXIT.usage;
  }
  const replayed = replayRecordings(recordings.value, spec, decided.value);
  const report = buildReport(replayed, { name: 'replay', baseUrl: args.value.paths.join(' ') });
  reporter.info(`Replaying ${replayed.exchanges} recorded exchanges from ${recordings.value.length} file(s) against ${args.value.spec}`);
  for (const line of formatLines(report)) reporter.line(line);
  reporter.line(countLine(report.summary));
  for (const line of formatSections(report, decisionsBeside(args.value.spec))) reporter.line(line);
  for (const { where, problem } of replayed.refused) reporter.error({ code: 'HAR_ENTRY_INVALID', message: `${where}: ${problem}; the entry was not judged.`, hint: 'Record it again with --record DIR, or fix or drop that entry.' });
  if (!writeReports(args.value, report, reporter, recordings.value.map((r) => r.file))) return EXIT.usage;
  if (args.value.propose && !propose(args.value, args.value.propose, recordings.value, replayed.located, decided.value, reporter)) return EXIT.usage;
  if (replayed.refused.length) return EXIT.usage;
  return report.summary.failed > 0 ? EXIT.findings : EXIT.ok;
}

/** The decisions file a proposal compares with: --decisions, else decisions.yaml beside the spec, else the kit's. */
function decisionsFileFor(args: ReplayArgs): string {
  if (args.decisions) return args.decisions;
  const beside = resolve(dirname(args.spec), 'decisions.yaml');
  return existsSync(beside) ? beside : KIT_DECISIONS;
}

/** --propose: the recorded exchanges as evidence for each decided point; false (exit 2) when it cannot be written. */
function propose(args: ReplayArgs, path: string, recordings: readonly Recording[], located: readonly Located[], decided: LoadedDecisions, reporter: Reporter): boolean {
  const decisionsPath = decisionsFileFor(args);
  const proposal = proposeFrom({ located, decisions: decided, decisionsPath, specPath: args.spec, source: { command: 'replay', target: recordings.map((r) => r.file).join(' '), exchanges: located.length } });
  const inputs = [...recordings.map((r) => r.file), decisionsPath, args.spec, ...(args.json ? [args.json] : []), ...(args.junit ? [args.junit] : [])];
  const written = writeProposal(path, proposal, reporter.redact, inputs);
  if (!written.ok) {
    reporter.error(written.error);
    return false;
  }
  for (const line of formatProposal(proposal, path)) reporter.line(line);
  return true;
}

/** The key values recordings carry in clear: each entry's x-api-key (or api-key-like) header and query values, not our redacted labels. */
function recordedKeys(recordings: readonly Recording[]): string[] {
  const keyName = /^(x-api-key|api[-_]?key|apikey)$/i;
  return recordings.flatMap((r) => r.entries.flatMap((e) => [...e.request.headers, ...e.request.queryString]))
    .filter((nv) => keyName.test(nv.name) && nv.value.length >= 8 && !nv.value.startsWith('[redacted'))
    .map((nv) => nv.value);
}

/** DECISIONS.md beside the spec replayed against (an edited copy brings its own), else the project's. */
function decisionsBeside(specPath: string): ReadonlyMap<string, DecisionRow> {
  const beside = resolve(dirname(specPath), 'DECISIONS.md');
  return loadDecisions(existsSync(beside) ? beside : DECISIONS_PATH);
}

/**
 * Write the requested reports; a path that is one of the recordings read (or a link to one), the spec, a .har name, one
 * path for both reports, or a path that cannot be written, is a usage error (exit 2), never a stack trace.
 */
function writeReports(args: ReplayArgs, report: VerifyReport, reporter: Reporter, recordings: readonly string[]): boolean {
  const refuse = (message: string) => (reporter.error({ code: 'REPORT_NOT_WRITTEN', message, hint: 'Choose another --report path, e.g. report.json or report.xml.' }), false);
  if (args.junit && args.json && sameFile(args.junit, args.json)) return refuse(`--report junit= and --report json= both name ${args.json}.`);
  const write = (path: string, text: string): boolean => {
    if (inputAt(path, recordings) || isRecordingName(path)) return refuse(`The report path ${path} is one of the recordings replayed (or a link to one, or a .har name); writing it would destroy the recording.`);
    if (inputAt(path, [args.spec, resolve(dirname(args.spec), 'DECISIONS.md')])) return refuse(`The report path ${path} is the spec replayed against (or its DECISIONS.md); it was not overwritten.`);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return true;
    } catch (cause) {
      reporter.error({ code: 'REPORT_NOT_WRITTEN', message: `Could not write the report ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`, hint: 'Choose a --report path in a writable folder.' });
      return false;
    }
  };
  const junit = args.junit ? write(args.junit, toJUnit('wupex replay', junitCases(report), reporter.redact)) : true;
  const json = args.json ? write(args.json, toJsonReport(report, reporter.redact)) : true;
  return junit && json;
}
