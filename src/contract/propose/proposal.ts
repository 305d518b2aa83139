// A proposal: for each decided point where the target differed, the current and the observed choice with their
// evidence and the exact change; plus response-shape drift, and what only a human can decide. Pure: no I/O.
import { createHash } from 'node:crypto';
import type { LoadedDecisions } from '../../spec/decisions.ts';
import { findDrift, type FieldAt, type JsonType } from './drift.ts';
import { DECIDED_POINTS, pointFor, valueAt } from './entries.ts';
import { evidenceLine, type EvidenceLine } from './evidence.ts';
import type { Observation } from './observation.ts';
import { observe, type Located } from './observe.ts';

export const PROPOSAL_KIND = 'wupex-contract/decisions-proposal';
export const PROPOSAL_VERSION = 1;

export interface Evidence {
  /** Exchanges that show the proposed choice, and those that show another (each with its reading). */
  agreeing: number;
  disagreeing: { reading: string; count: number; example: EvidenceLine }[];
  examples: EvidenceLine[];
}

export interface DecisionChange {
  entry: string;
  rows: string[];
  current: unknown;
  proposed: unknown;
  evidence: Evidence;
}

export interface FieldChange extends FieldAt {
  type: JsonType;
  seen: number;
  example: EvidenceLine;
}

export interface HumanItem {
  what: string;
  /** "needs a human: contradicts S7" names the guide's sources; rows name a DECISIONS.md row without a decisions.yaml entry. */
  contradicts: string[];
  rows: string[];
  /** One exchange that shows it (absent for a verify finding, whose report carries its curl line). */
  example?: EvidenceLine;
}

export interface Proposal {
  kind: typeof PROPOSAL_KIND;
  version: typeof PROPOSAL_VERSION;
  createdAt: string;
  source: { command: 'verify' | 'replay'; target: string; exchanges: number };
  /** sha256 of openapi/wupex.yaml and decisions.yaml the proposal was made against: adopt refuses another. */
  base: { spec: string; decisions: string };
  changes: DecisionChange[];
  fields: FieldChange[];
  needsHuman: HumanItem[];
  agreed: string[];
  notObserved: string[];
  neverSeen: FieldAt[];
}

export const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

const key = (value: unknown) => JSON.stringify(value);
const EXAMPLES = 3;

interface Tally {
  reading: string;
  value?: unknown;
  human?: string;
  observations: Observation[];
}

function tally(entry: string, observations: Observation[], current: LoadedDecisions): Tally[] {
  const point = pointFor(entry);
  if (point?.aggregate) {
    const reading = observations.length ? point.aggregate(observations, current) : undefined;
    if (!reading) return [];
    return [{ reading: 'value' in reading ? key(reading.value) : reading.human, ...reading, observations }];
  }
  const groups = new Map<string, Tally>();
  for (const o of observations) {
    const reading = point?.read(o.seen, current);
    if (!reading) continue;
    const id = 'value' in reading ? key(reading.value) : `human:${reading.human}`;
    const group = groups.get(id) ?? { reading: 'value' in reading ? key(reading.value) : reading.human, ...reading, observations: [] };
    group.observations.push(o);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => b.observations.length - a.observations.length);
}

function evidenceOf(top: Tally, others: Tally[]): Evidence {
  return {
    agreeing: top.observations.length,
    disagreeing: others.map((t) => ({ reading: t.reading, count: t.observations.length, example: evidenceLine(t.observations[0].exchange) })),
    examples: top.observations.slice(0, EXAMPLES).map((o) => evidenceLine(o.exchange)),
  };
}

/** A verify finding, as far as the proposal needs it. */
export interface FindingLike {
  checkId: string;
  message: string;
  basis: { decisions: string[]; sources: string[] };
}

export interface ProposalInput {
  located: readonly Located[];
  decisions: LoadedDecisions;
  source: Proposal['source'];
  base: Proposal['base'];
  /** verify's findings: a decision row they name that no change covers is listed for a human (decisions.yaml cannot say it). */
  findings?: readonly FindingLike[];
  now?: Date;
}

/** At most this many findings are carried over for a human (one per row and check). */
const UNCOVERED_MAX = 20;

/** Findings on decision rows no proposed change touches: the target differs there in a way no decisions.yaml entry holds. */
function uncovered(findings: readonly FindingLike[], changes: readonly DecisionChange[]): HumanItem[] {
  const covered = new Set(changes.flatMap((c) => c.rows));
  const seen = new Set<string>();
  const out: HumanItem[] = [];
  for (const f of findings) {
    const rows = f.basis.decisions.filter((r) => !covered.has(r) && r !== '23');
    const id = `${rows.join(',')} ${f.checkId}`;
    if (!rows.length || seen.has(id) || out.length >= UNCOVERED_MAX) continue;
    seen.add(id);
    // #23 (the code of a status) follows from the changes that add codes; the rest is a row no entry of decisions.yaml holds.
    out.push({ what: `${f.checkId}: ${f.message} (no decisions.yaml entry holds this; decide it in DECISIONS.md and the spec by hand)`, contradicts: f.basis.sources, rows });
  }
  return out;
}

/** Every decided point the exchanges show, compared with the decisions; a point seen two ways is a human's to settle. */
export function buildProposal(input: ProposalInput): Proposal {
  const observations = observe(input.located, input.decisions);
  const entries = [...new Set([...Object.keys(DECIDED_POINTS), ...observations.map((o) => o.entry)])];
  const changes: DecisionChange[] = [];
  const needsHuman: HumanItem[] = [];
  const agreed: string[] = [];
  const notObserved: string[] = [];
  for (const entry of entries) {
    const point = pointFor(entry);
    if (!point) continue;
    const tallies = tally(entry, observations.filter((o) => o.entry === entry), input.decisions);
    const [top, ...others] = tallies;
    if (!top) {
      notObserved.push(entry);
      continue;
    }
    const current = valueAt(input.decisions, entry);
    const values = tallies.filter((t) => t.human === undefined);
    if (top.human !== undefined || values.length > 1) {
      const what = top.human ?? `${point.what} was answered in ${values.length} different ways (${values.map((v) => `${v.reading} ×${v.observations.length}`).join(', ')})`;
      needsHuman.push({ what: `${entry}: ${what}`, contradicts: [], rows: point.rows, example: evidenceLine(top.observations[0].exchange) });
      continue;
    }
    if (key(top.value) === key(current)) {
      agreed.push(entry);
      continue;
    }
    changes.push({ entry, rows: point.rows, current: current ?? null, proposed: top.value, evidence: evidenceOf(top, others) });
  }
  const drift = findDrift(input.located);
  for (const p of drift.problems) {
    const what = p.problem === 'missing' ? `${p.operationId} ${p.status}: the documented field ${p.pointer} was missing (${p.seen}×)` : `${p.operationId} ${p.status}: ${p.pointer} was ${p.received}, documented as ${p.expected} (${p.seen}×)`;
    needsHuman.push({ what, contradicts: p.sources, rows: p.rows, example: evidenceLine(p.example) });
  }
  needsHuman.push(...uncovered(input.findings ?? [], changes));
  return {
    kind: PROPOSAL_KIND,
    version: PROPOSAL_VERSION,
    createdAt: (input.now ?? new Date()).toISOString(),
    source: input.source,
    base: input.base,
    changes,
    fields: drift.undocumented.map(({ example, ...f }) => ({ ...f, example: evidenceLine(example) })),
    needsHuman,
    agreed,
    notObserved,
    neverSeen: drift.neverSeen,
  };
}

/** The proposal as terminal lines: what it would change, and what a human must look at. */
export function formatProposal(p: Proposal, path: string): string[] {
  const out = ['', `Proposal (${p.changes.length} decision change(s), ${p.fields.length} new field(s), ${p.needsHuman.length} for a human) written to ${path}`];
  for (const c of p.changes) out.push(`  #${c.rows.join('/#')} ${c.entry}: ${key(c.current)} -> ${key(c.proposed)} (${c.evidence.agreeing} exchange(s)${c.evidence.disagreeing.length ? `, ${c.evidence.disagreeing.reduce((n, d) => n + d.count, 0)} disagree` : ''})`);
  for (const f of p.fields) out.push(`  new field ${f.operationId} ${f.status} ${f.pointer}: ${f.type} (seen ${f.seen}×), proposed as optional`);
  for (const h of p.needsHuman) out.push(`  needs a human${h.contradicts.length ? `: contradicts ${h.contradicts.join(', ')}` : h.rows.length ? ` (DECISIONS #${h.rows.join(', #')})` : ''}: ${h.what}`);
  if (p.notObserved.length) out.push(`  not observed (no exchange probed them): ${p.notObserved.join(', ')}`);
  if (p.changes.length || p.fields.length) out.push(`  Review it, then: npm run adopt -- ${path}`);
  return out;
}
