// `npm run adopt -- PROPOSAL`: apply a proposal to decisions.yaml, the spec (and its examples), DECISIONS.md and the
// generated types, staged in a temporary copy of the spec's folder and checked there before anything is written back.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { sha256 } from '../contract/propose/proposal.ts';
import { REFERENCE_RECORDING_PATH, writeReferenceRecording } from '../proxy/reference-recording.ts';
import { loadDecisions, type LoadedDecisions } from '../spec/decisions.ts';
import { decisionsVersusSpec } from '../spec/decisions-vs-spec.ts';
import { renderDecisions } from '../spec/render-decisions.ts';
import { bundleSpec, BUNDLED_SPEC_PATHS, writeBundledSpec } from '../spec/spec-bundle.ts';
import { loadSpec, SPEC_PATH } from '../spec/spec.ts';
import type { SpecChange } from '../spec-diff/classify.ts';
import { applyChanges, pendingChanges } from './apply-decisions.ts';
import { editDecisionsMd } from './edit-decisions-md.ts';
import { retargetExamples } from './edit-examples.ts';
import { editSpec } from './edit-spec.ts';
import { readProposal, type AdoptableProposal } from './proposal-file.ts';

export interface AdoptOptions {
  proposal: string;
  /** The spec to adopt into; decisions.yaml, DECISIONS.md and generated/wupex.ts are the ones beside it. */
  spec?: string;
  dryRun?: boolean;
  now?: Date;
  /** Regenerate generated/wupex.ts (default true; false only where the types are not the point, e.g. a test's throwaway copy). */
  types?: boolean;
}

export interface AdoptResult {
  /** Nothing was pending: the proposal is already adopted (or empty). */
  nothingToDo: boolean;
  decisions: string[];
  spec: string[];
  fields: string[];
  /** Files written (none on --dry-run), relative to the spec's folder. */
  written: string[];
  classification: SpecChange[];
  /** The reference recording re-recorded from the adopted twin (only when the kit's own spec was adopted into). */
  recording?: string;
  /** The spec's bundle in dist/ rewritten (likewise), so Prism and generators read the adopted spec before a build. */
  bundle?: string[];
}

const refuse = (code: string, message: string, hint: string) => err(kitError(code, `[wupex-kit] ${code}: ${message}`, { hint }));

/** File names under a folder (recursive, at most 2,000): a new example must not share a name (openapi-typescript warns). */
function namesUnder(dir: string): Set<string> {
  const names = new Set<string>();
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (names.size >= 2000) return;
      if (entry.isDirectory()) visit(join(d, entry.name));
      else names.add(entry.name);
    }
  };
  if (existsSync(dir)) visit(dir);
  return names;
}

interface Files {
  dir: string;
  spec: string;
  decisions: string;
  decisionsMd: string;
  types: string;
}

const filesBeside = (spec: string): Files => {
  const dir = dirname(resolve(spec));
  return { dir, spec: resolve(spec), decisions: join(dir, 'decisions.yaml'), decisionsMd: join(dir, 'DECISIONS.md'), types: join(dir, 'generated', 'wupex.ts') };
};

function stale(proposal: AdoptableProposal, specText: string, decisionsText: string): string | undefined {
  const changed = [sha256(specText) !== proposal.base.spec ? 'the spec' : '', sha256(decisionsText) !== proposal.base.decisions ? 'decisions.yaml' : ''].filter(Boolean);
  return changed.length ? changed.join(' and ') : undefined;
}

/** Apply a proposal; every refusal is an error value that changed nothing. */
export async function adopt(options: AdoptOptions): Promise<Result<AdoptResult>> {
  const proposal = readProposal(options.proposal);
  if (!proposal.ok) return proposal;
  const files = filesBeside(options.spec ?? SPEC_PATH);
  const current = loadDecisions(files.decisions);
  if (!current.ok) return current;
  const specText = readFileSync(files.spec, 'utf8');
  const decisionsText = readFileSync(files.decisions, 'utf8');
  const pending = pendingChanges(current.value, proposal.value.changes);
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const from = `${proposal.value.source.command} against ${proposal.value.source.target} (${proposal.value.source.exchanges} exchanges, ${proposal.value.createdAt.slice(0, 10) || 'undated'})`;
  const names = namesUnder(join(files.dir, 'examples'));
  const note = { adoptedFrom: `${date}, ${from}`, exists: (file: string) => names.has(basename(file)) };
  const next = applyChanges(current.value, pending);
  if (!next.ok) return next;
  const edited = editSpec(specText, next.value, proposal.value.fields, note);
  const empty: AdoptResult = { nothingToDo: true, decisions: [], spec: [], fields: [], written: [], classification: [] };
  if (pending.length === 0 && edited.changed.length === 0) return ok(empty);
  const lag = stale(proposal.value, specText, decisionsText);
  if (lag) {
    return refuse('PROPOSAL_STALE', `${options.proposal} was made against another version of ${lag} (the files changed since; ${pending.length} change(s) still pending), so it was not applied.`, 'Run verify (or replay) with --propose again against the current files, review the new proposal, then adopt it.');
  }
  if (edited.unplaced.length) {
    return refuse('PROPOSAL_INVALID', `${edited.unplaced.map((f) => `${f.operationId} ${f.status} ${f.pointer}`).join(', ')}: no such place in the spec's response schemas.`, 'Delete those entries from "fields" (or make the proposal again against the current spec).');
  }
  const written = await stageAndWrite(files, { proposal: proposal.value, pending, next: next.value, edited, date, from, dryRun: options.dryRun === true, types: options.types !== false });
  if (!written.ok || options.dryRun || files.spec !== SPEC_PATH) return written;
  // The kit's own spec changed: its bundle in dist/ (what Prism, generators and the package serve) and its reference
  // recording (replayed by npm test and spec:diff) are made again from it, as npm run build and gen:recording make them.
  const bundled = existsSync(dirname(BUNDLED_SPEC_PATHS.json));
  if (bundled) writeBundledSpec();
  const adopted = { ...written.value, bundle: bundled ? Object.values(BUNDLED_SPEC_PATHS).map((f) => relative(PACKAGE_ROOT, f)) : [] };
  if (!existsSync(REFERENCE_RECORDING_PATH)) return ok(adopted);
  const recorded = await writeReferenceRecording();
  if (!recorded.ok) return refuse('RECORDING_NOT_WRITTEN', `the adopted files are written, but the reference recording was not re-recorded: ${recorded.error.message}`, 'Run npm run gen:recording, then npm test.');
  return ok({ ...adopted, recording: relative(PACKAGE_ROOT, recorded.value.path) });
}

interface Stage {
  proposal: AdoptableProposal;
  pending: ReturnType<typeof pendingChanges>;
  next: LoadedDecisions;
  edited: ReturnType<typeof editSpec>;
  date: string;
  from: string;
  dryRun: boolean;
  types: boolean;
}

/** Write everything into a copy of the spec's folder, check it there (spec and decisions agree, types generate), then move it back. */
async function stageAndWrite(files: Files, s: Stage): Promise<Result<AdoptResult>> {
  // Loaded only when there is something to adopt: openapi-typescript and api-smart-diff take a while to import.
  const [{ generateTypes }, { classifyChanges }] = await Promise.all([import('../spec/generate-types.ts'), import('../spec-diff/classify.ts')]);
  const stage = mkdtempSync(join(tmpdir(), 'wupex-adopt-'));
  try {
    cpSync(files.dir, stage, { recursive: true });
    const at = (file: string) => join(stage, relative(files.dir, file));
    const before = bundleSpec(at(files.spec));
    const outputs = new Map<string, string>([[files.spec, s.edited.text], [files.decisions, renderDecisions(s.next)]]);
    for (const [file, text] of s.edited.examples) outputs.set(join(files.dir, file), text);
    for (const [file, text] of outputs) writeFileSync(at(file), text);
    // A status whose code changes: its responses' example files say the new code (plain Prism answers from them).
    const codeChanges = s.pending.flatMap((c) => (c.entry.startsWith('codesByStatus.') && typeof c.current === 'string' && typeof c.proposed === 'string' ? [{ status: c.entry.slice('codesByStatus.'.length), from: c.current, to: c.proposed }] : []));
    const retargeted = retargetExamples(at(files.spec), codeChanges);
    for (const [staged, text] of retargeted.files) {
      writeFileSync(staged, text);
      outputs.set(join(files.dir, relative(stage, staged)), text);
    }
    const disagree = decisionsVersusSpec(loadSpec(at(files.spec)), s.next);
    if (disagree.length) {
      return refuse('ADOPT_INCOMPLETE', `after the edit the spec and decisions.yaml would still disagree: ${disagree.join(' ')}`, 'This proposal needs a hand edit of the spec for those points; nothing was written.');
    }
    const classification = classifyChanges(before, bundleSpec(at(files.spec))).filter((c) => c.scope !== 'components');
    const breaking = classification.filter((c) => c.class === 'breaking').map((c) => c.id);
    if (existsSync(files.decisionsMd)) {
      const md = editDecisionsMd(readFileSync(files.decisionsMd, 'utf8'), s.pending, { date: s.date, from: s.from, breaking });
      outputs.set(files.decisionsMd, md.text);
    }
    if (s.types && existsSync(files.types)) {
      const types = await generateTypes(at(files.spec));
      if (!types.ok) return err(types.error);
      outputs.set(files.types, types.value);
    }
    const result: AdoptResult = {
      nothingToDo: false,
      decisions: s.pending.map((c) => `${c.entry}: ${JSON.stringify(c.current)} -> ${JSON.stringify(c.proposed)}`),
      spec: [...s.edited.changed, ...retargeted.changed],
      fields: s.proposal.fields.map((f) => `${f.operationId} ${f.status} ${f.pointer} (${f.type})`),
      written: [],
      classification,
    };
    if (s.dryRun) return ok(result);
    for (const [file, text] of outputs) {
      if (existsSync(file) && readFileSync(file, 'utf8') === text) continue; // unchanged: not rewritten, not listed
      const temporary = `${file}.adopt-${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, file);
      result.written.push(relative(files.dir, file));
    }
    return ok(result);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
