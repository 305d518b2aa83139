// The verify command as a function (argv + io in, exit code out), so tests run it in-process; scripts/verify.ts is its entry.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ALL_CHECKS } from '../checks/index.ts';
import { createReporter, EXIT, type Reporter, type CommandIo } from '../../cli/flags.ts';
import { keyOrigin, loadKitEnv, type KitEnv } from '../../cli/env.ts';
import { commandStyle } from '../../cli/commands.ts';
import { toJUnit } from '../report/junit.ts';
import { recordingTarget } from '../targets/recording-target.ts';
import { createHarWriter, type HarWriter } from '../../har/writer.ts';
import { HELP, keyArgumentValues, parseVerifyArgs, type VerifyArgs } from './args.ts';
import { loadDecisions } from '../report/decisions.ts';
import { countLine, formatLine, junitCases } from '../report/format.ts';
import { toJsonReport } from '../report/json-report.ts';
import type { VerifyReport } from '../report/report.ts';
import { formatSections } from '../report/sections.ts';
import { secondKeyFor, verify, type VerifyOptions } from './verify.ts';
import { KEY_REJECTED, type VerifyResult } from './run-verify.ts';
import { proposeFrom, writeProposal } from '../propose/write-proposal.ts';
import { formatProposal } from '../propose/proposal.ts';
import { DECISIONS_PATH } from '../../spec/decisions.ts';
import { SPEC_PATH } from '../../spec/spec.ts';
import { kitError } from '../../core/result.ts';
import { inputAt, isRecordingName, sameFile } from '../../core/same-file.ts';

/** `--check` narrowed the run: say which checks ran, and which ran only to give the named ones traffic. */
export function ranLine(checks: { reported: string[]; traffic: string[] }): string {
  const traffic = checks.traffic.length ? ` (also ran, unreported, for traffic: ${checks.traffic.join(', ')})` : '';
  return `Checks run (--check): ${checks.reported.join(', ')}${traffic}`;
}

/**
 * Write the requested reports; false (exit 2) when one cannot be: a path that is one of the run's inputs (the spec, the
 * decisions) or names both reports, or a folder that cannot be written. Said with the path and the cause, never a stack trace.
 */
function writeReports(args: VerifyArgs, report: VerifyReport, reporter: Reporter, cwd: string): boolean {
  // The key's .env is an input too: a report over it would destroy the key file.
  const inputs = [args.spec ?? SPEC_PATH, args.decisions ?? DECISIONS_PATH, resolve(cwd, '.env')];
  const refuse = (message: string, hint: string) => (reporter.error(kitError('REPORT_NOT_WRITTEN', `[wupex-kit] REPORT_NOT_WRITTEN: ${message}`, { hint })), false);
  if (args.junit && args.json && sameFile(args.junit, args.json)) return refuse(`--report junit= and --report json= both name ${args.json}.`, 'Give each report its own path.');
  const write = (path: string, text: () => string): boolean => {
    if (inputAt(path, inputs)) return refuse(`the report path ${path} is one of this run's inputs (the spec, the decisions or .env, or a link to one); it was not overwritten.`, 'Choose another --report path.');
    if (isRecordingName(path)) return refuse(`the report path ${path} names a recording (.har); a report never replaces one.`, 'Choose another --report path, e.g. report.json or report.xml.');
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text());
      return true;
    } catch (cause) {
      return refuse(`could not write the report ${path} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}).`, 'Choose a --report path in a writable folder.');
    }
  };
  const junit = args.junit ? write(args.junit, () => toJUnit(`wupex verify (${report.target.name})`, junitCases(report), reporter.redact)) : true;
  const json = args.json ? write(args.json, () => toJsonReport(report, reporter.redact)) : true;
  return junit && json;
}

async function run(args: VerifyArgs, env: KitEnv, reporter: Reporter, origin: string | undefined, cwd: string): Promise<number> {
  let writer: HarWriter | undefined;
  const verified = await verify({
    target: args.target as VerifyOptions['target'],
    baseUrl: args.baseUrl,
    allowOrders: args.allowOrders,
    limits: args.limits,
    decisions: args.decisions,
    spec: args.spec,
    env,
    waitMs: args.waitMs,
    seed: args.seed,
    runs: args.runs,
    only: args.checks,
    // --record: every exchange also goes to a masked HAR file (the writer needs the resolved key to mask it).
    wrapTarget: (resolved) => {
      if (!args.record) return resolved;
      // Both keys are sent (the second by isolation.other-account), so both are redacted from the recording.
      const secondKey = secondKeyFor(resolved, env);
      writer = createHarWriter({ dir: args.record, prefix: 'verify', secrets: [resolved.apiKey, ...(secondKey ? [secondKey] : [])] });
      return recordingTarget(resolved, writer);
    },
    onStart: (target) =>
      reporter.info(`Verifying ${target.inProcess ? 'the twin in-process (no port)' : `${target.name} at ${target.baseUrl}`} (seed ${args.seed}, runs ${args.runs})`),
    onLines: (lines, progress) => {
      reporter.progress('');
      for (const line of lines) for (const text of formatLine(line)) reporter.line(text);
      reporter.progress(progress.done < progress.total ? `${progress.total - progress.done} checks left` : '');
    },
  });
  const written = writer?.close();
  if (written) written.ok ? reporter.info(`Recorded ${writer?.count()} exchanges to ${written.value}`) : reporter.error(written.error);
  if (!verified.ok) {
    reporter.error(verified.error);
    return ['CONFIG_INVALID', 'PRISM_MISSING'].includes(verified.error.code) ? EXIT.usage : EXIT.unreachable;
  }
  const { report, error, exitCode } = verified.value;
  if (!report.stopped) {
    if (args.checks && report.checks) reporter.line(ranLine(report.checks));
    reporter.line(countLine(report.summary));
    for (const text of formatSections(report, loadDecisions())) reporter.line(text);
  }
  const reported = writeReports(args, report, reporter, cwd) ? EXIT.ok : EXIT.usage;
  const proposed = args.propose ? propose(args, args.propose, verified.value, reporter, cwd) : EXIT.ok;
  if (error) reporter.error(error.code === KEY_REJECTED && origin ? { ...error, hint: `${error.hint ?? ''} The key came from ${origin}.`.trim() } : error);
  // A report or proposal CI expects but did not get is a configuration error (2), over a finding (1); an unreachable target stays 3.
  if (exitCode === EXIT.unreachable) return exitCode;
  return reported !== EXIT.ok || proposed !== EXIT.ok ? EXIT.usage : exitCode;
}

/** --propose: what the run's exchanges show about each decided point, written for `npm run adopt`; 2 when not written. */
function propose(args: VerifyArgs, path: string, result: VerifyResult, reporter: Reporter, cwd: string): number {
  if (result.exchanges.length === 0) {
    reporter.error(kitError('PROPOSAL_NOT_WRITTEN', `[wupex-kit] PROPOSAL_NOT_WRITTEN: the run stopped before any check, so there is no evidence for ${path}.`, { hint: 'Fix what stopped the run (above), then run again.' }));
    return EXIT.usage;
  }
  const { report } = result;
  const proposal = proposeFrom({
    located: result.exchanges.map(({ exchange, operation }) => ({ exchange, operation })),
    decisions: result.decisions,
    decisionsPath: args.decisions,
    specPath: args.spec,
    findings: report.findings,
    source: { command: 'verify', target: `${report.target.name} ${report.target.baseUrl}`, exchanges: result.exchanges.length },
  });
  const written = writeProposal(path, proposal, reporter.redact, [args.decisions ?? DECISIONS_PATH, args.spec ?? SPEC_PATH, resolve(cwd, '.env'), ...(args.json ? [args.json] : []), ...(args.junit ? [args.junit] : [])]);
  if (!written.ok) {
    reporter.error(written.error);
    return EXIT.usage;
  }
  for (const text of formatProposal(proposal, path)) reporter.line(text);
  return EXIT.ok;
}

/** The whole verify command: parse argv, run, print, write reports; returns the exit code (0/1/2/3). */
export async function verifyMain(argv: string[], io: CommandIo): Promise<number> {
  const env = loadKitEnv(io.env, io.cwd);
  const reporter = createReporter({ secrets: [env.WUPEX_API_KEY, env.WUPEX_API_KEY_2, ...keyArgumentValues(argv)], out: io.out, err: io.err, tty: io.tty, commands: commandStyle(io.env) });
  const args = parseVerifyArgs(argv, ALL_CHECKS.map((c) => c.id));
  if (!args.ok) {
    reporter.error(args.error);
    return EXIT.usage;
  }
  if (args.value.help) {
    reporter.line(HELP);
    return EXIT.ok;
  }
  return run(args.value, env, reporter, keyOrigin(io.env, io.cwd), io.cwd);
}
