// `npm run spec:diff` as a function (argv + reporter in, exit code out): classify, acknowledge, replay, print, write.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { EXIT, type Reporter } from '../cli/flags.ts';
import { createSpecIndex } from '../contract/checks/lib/spec-index.ts';
import { loadRecordings } from '../replay/load.ts';
import { replayRecordings } from '../replay/run-replay.ts';
import { bundleSpec } from '../spec/spec-bundle.ts';
import { loadSpec } from '../spec/spec.ts';
import { acknowledgedBy, readAcknowledgements } from './acknowledged.ts';
import { parseSpecDiffArgs, SPEC_DIFF_HELP, type SpecDiffArgs } from './args.ts';
import { resolveBaseSpec } from './base-spec.ts';
import { classifyChanges } from './classify.ts';
import { exitCodeOf, summaryLines, toJson, toMarkdown, type ReplayOutcome, type SpecDiffResult } from './spec-diff-report.ts';

const shown = (path: string) => relative(process.cwd(), path) || path;

function bundle(path: string, side: string, reporter: Reporter): unknown {
  try {
    return bundleSpec(resolve(path));
  } catch (cause) {
    reporter.error({ code: 'SPEC_INVALID', message: `Cannot read the ${side} spec ${shown(path)}: ${(cause as Error).message}`, hint: 'npm run lint:spec checks the spec; --base and --spec take a readable OpenAPI file.' });
    return undefined;
  }
}

/** Replay the recordings against the new spec; the default folder may be absent (skipped), a named path may not. */
function replay(args: SpecDiffArgs, reporter: Reporter): ReplayOutcome | undefined {
  if (!args.recordingsGiven && !existsSync(args.recordings[0]!)) return { exchanges: 0, files: 0, failed: [], skipped: `no ${shown(args.recordings[0]!)}` };
  const recordings = loadRecordings(args.recordings);
  if (!recordings.ok) return (reporter.error(recordings.error), undefined);
  const replayed = replayRecordings(recordings.value, createSpecIndex(loadSpec(resolve(args.spec))));
  return { exchanges: replayed.exchanges, files: recordings.value.length, failed: [...replayed.failed.map((f) => `${shown(f.where)}: ${f.checkId}`), ...replayed.refused.map((r) => `${shown(r.where)}: ${r.problem}`)] };
}

function write(path: string, text: string, reporter: Reporter): boolean {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, reporter.redact(text));
    return true;
  } catch (cause) {
    reporter.error({ code: 'REPORT_NOT_WRITTEN', message: `Could not write ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`, hint: 'Choose a --report path in a writable folder.' });
    return false;
  }
}

/** 0 nothing to act on, 1 an unacknowledged breaking change or a refused recording, 2 usage error. */
export function specDiffCommand(argv: readonly string[], reporter: Reporter): number {
  const args = parseSpecDiffArgs(argv);
  if (!args.ok) return (reporter.error(args.error), EXIT.usage);
  if (args.value.help) return (reporter.line(SPEC_DIFF_HELP), EXIT.ok);
  const base = resolveBaseSpec(args.value.base, resolve(args.value.spec));
  if (!base.ok) return (reporter.error(base.error), EXIT.usage);
  try {
    const before = bundle(base.value.path, 'old', reporter);
    const after = before === undefined ? undefined : bundle(args.value.spec, 'new', reporter);
    if (after === undefined) return EXIT.usage;
    const rows = readAcknowledgements(args.value.decisions ?? resolve(dirname(resolve(args.value.spec)), 'DECISIONS.md'));
    const changes = classifyChanges(before, after).map((c) => {
      if (c.class !== 'breaking' || c.scope === 'components') return c;
      const by = acknowledgedBy(c.id, rows) ?? (args.value.acceptBreaking ? 'flag' : undefined);
      return by ? { ...c, acknowledgedBy: by } : c;
    });
    const replayed = replay(args.value, reporter);
    if (!replayed) return EXIT.usage;
    const result: SpecDiffResult = { base: base.value.label, spec: shown(resolve(args.value.spec)), changes, replay: replayed };
    for (const line of summaryLines(result)) reporter.line(line);
    if (!write(args.value.json, toJson(result), reporter) || !write(args.value.md, toMarkdown(result), reporter)) return EXIT.usage;
    reporter.info(`Reports: ${args.value.json}, ${args.value.md}`);
    return exitCodeOf(result);
  } finally {
    base.value.cleanup();
  }
}
