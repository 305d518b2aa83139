// The spec diff's result as a few lines for the terminal, a Markdown page for a pull request, and JSON for CI.
import type { ChangeClass, SpecChange } from './classify.ts';

export interface ReplayOutcome {
  exchanges: number;
  files: number;
  /** "tests/recordings/x.har entry 3: schema.response-body". */
  failed: string[];
  /** Why nothing was replayed, when nothing was. */
  skipped?: string;
}

export interface GatedChange extends SpecChange {
  /** The DECISIONS row naming it, or "flag" for --accept-breaking. */
  acknowledgedBy?: string;
}

export interface SpecDiffResult {
  base: string;
  spec: string;
  changes: GatedChange[];
  replay: ReplayOutcome;
}

/** How many lines per class the terminal shows; the files list every change. */
export const SHOWN_PER_CLASS = 20;

const CLASSES: ChangeClass[] = ['breaking', 'non-breaking', 'annotation'];

export const gated = (r: SpecDiffResult) => r.changes.filter((c) => c.scope !== 'components');
export const unacknowledged = (r: SpecDiffResult) => gated(r).filter((c) => c.class === 'breaking' && !c.acknowledgedBy);

/** 1 when a breaking change is not acknowledged or a recording fails the new spec, else 0. */
export const exitCodeOf = (r: SpecDiffResult) => (unacknowledged(r).length > 0 || r.replay.failed.length > 0 ? 1 : 0);

function counts(r: SpecDiffResult): string {
  const of = (k: ChangeClass) => gated(r).filter((c) => c.class === k);
  const acked = of('breaking').filter((c) => c.acknowledgedBy).length;
  const components = r.changes.length - gated(r).length;
  return `breaking ${of('breaking').length}${acked ? ` (${acked} acknowledged)` : ''}, non-breaking ${of('non-breaking').length}, annotation ${of('annotation').length}; components ${components} (listed in the reports, not gated)`;
}

const line = (c: GatedChange) => `${c.id}: ${c.description}${c.acknowledgedBy ? ` [acknowledged: ${c.acknowledgedBy === 'flag' ? '--accept-breaking' : `DECISIONS #${c.acknowledgedBy}`}]` : ''}`;

function replayLine(replay: ReplayOutcome): string {
  if (replay.skipped) return `Replay: skipped (${replay.skipped}).`;
  return `Replay: ${replay.exchanges} recorded exchanges from ${replay.files} file(s) against the new spec: ${replay.failed.length} failed.`;
}

/** What a reviewer reads in seconds: counts, the breaking and non-breaking changes, the replay verdict, the verdict. */
export function summaryLines(r: SpecDiffResult): string[] {
  const out = [`Spec diff: ${r.spec} against ${r.base}`, counts(r)];
  for (const k of ['breaking', 'non-breaking'] as const) {
    const list = gated(r).filter((c) => c.class === k);
    out.push(...list.slice(0, SHOWN_PER_CLASS).map((c) => `  ${k.toUpperCase().padEnd(12)} ${line(c)}`));
    if (list.length > SHOWN_PER_CLASS) out.push(`  ... ${list.length - SHOWN_PER_CLASS} more ${k} (see the reports)`);
  }
  out.push(replayLine(r.replay), ...r.replay.failed.slice(0, SHOWN_PER_CLASS).map((f) => `  FAIL ${f}`));
  const open = unacknowledged(r).length;
  out.push(open ? `Verdict: ${open} breaking change(s) not acknowledged. Name each id in the Evidence cell of a DECISIONS.md row (a change for clients is a decision), or pass --accept-breaking.` : r.replay.failed.length ? 'Verdict: the new spec refuses recorded traffic.' : 'Verdict: no unacknowledged breaking change.');
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function toMarkdown(r: SpecDiffResult): string {
  const out = [`# Spec diff`, '', `\`${r.spec}\` against \`${r.base}\`: ${counts(r)}.`, '', replayLine(r.replay), ''];
  for (const f of r.replay.failed) out.push(`- FAIL ${f}`);
  for (const scope of ['operations', 'document', 'components'] as const) {
    const list = r.changes.filter((c) => c.scope === scope).sort((a, b) => CLASSES.indexOf(a.class) - CLASSES.indexOf(b.class));
    if (!list.length) continue;
    out.push('', `## ${scope}${scope === 'components' ? ' (not gated: each one an operation uses is listed under it)' : ''}`, '', '| Class | Change | Description | Acknowledged |', '|---|---|---|---|');
    for (const c of list) out.push(`| ${c.class} | \`${cell(c.id)}\` | ${cell(c.description)} | ${c.acknowledgedBy ? (c.acknowledgedBy === 'flag' ? '--accept-breaking' : `DECISIONS #${c.acknowledgedBy}`) : ''} |`);
  }
  return `${out.join('\n')}\n`;
}

export function toJson(r: SpecDiffResult): string {
  const summary = Object.fromEntries(CLASSES.map((k) => [k, gated(r).filter((c) => c.class === k).length]));
  return `${JSON.stringify({ base: r.base, spec: r.spec, exitCode: exitCodeOf(r), summary: { ...summary, unacknowledged: unacknowledged(r).length, components: r.changes.length - gated(r).length }, replay: r.replay, changes: r.changes }, null, 2)}\n`;
}
