// Read a proposal file strictly: bounded, JSON, the shape verify/replay write; a hand-edited entry is named, never guessed.
import { readFileSync, statSync } from 'node:fs';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { pointFor } from '../contract/propose/entries.ts';
import { PROPOSAL_KIND, PROPOSAL_VERSION, type DecisionChange, type FieldChange, type Proposal } from '../contract/propose/proposal.ts';

/** A proposal is at most 1 MiB (a real one is a few KiB); a bigger file is refused before it is read. */
export const PROPOSAL_MAX_BYTES = 1024 * 1024;
/** At most this many decision changes and new fields (there are ~20 decided points; drift is capped at 200 in --propose). */
export const PROPOSAL_MAX_ITEMS = 200;

/** What adopt applies: the decision changes and the new fields, with where they came from. */
export type AdoptableProposal = Pick<Proposal, 'createdAt' | 'source' | 'base' | 'changes' | 'fields'>;

class Bad extends Error {}

const fail = (path: string, message: string, hint = 'Make the proposal again with `npm run verify -- ... --propose FILE` (or replay --propose); do not edit it by hand beyond deleting whole entries.') =>
  err(kitError('PROPOSAL_INVALID', `[wupex-kit] PROPOSAL_INVALID: ${path}: ${message}`, { hint }));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const need = (cond: boolean, message: string) => {
  if (!cond) throw new Bad(message);
};
const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

function change(value: unknown, i: number): DecisionChange {
  const where = `changes[${i}]`;
  need(isRecord(value), `${where} is not an object`);
  const c = value as Record<string, unknown>;
  need(typeof c.entry === 'string' && pointFor(c.entry) !== undefined, `${where}.entry ${JSON.stringify(c.entry)} is not a decided point adopt knows (e.g. pullCodes.successStatus, contentType, codesByStatus.415)`);
  need('proposed' in c && c.proposed !== undefined, `${where}.proposed is missing`);
  need(isRecord(c.evidence) && typeof (c.evidence as Record<string, unknown>).agreeing === 'number', `${where}.evidence.agreeing is missing`);
  return { entry: c.entry as string, rows: Array.isArray(c.rows) ? c.rows.map(String) : [], current: c.current, proposed: c.proposed, evidence: c.evidence as unknown as DecisionChange['evidence'] };
}

function field(value: unknown, i: number): FieldChange {
  const where = `fields[${i}]`;
  need(isRecord(value), `${where} is not an object`);
  const f = value as Record<string, unknown>;
  need(typeof f.operationId === 'string' && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(f.operationId), `${where}.operationId is not an operationId`);
  need(Number.isInteger(f.status) && (f.status as number) >= 200 && (f.status as number) < 300, `${where}.status is not a 2xx status`);
  need(typeof f.pointer === 'string' && f.pointer.length <= 256 && /^(\/([A-Za-z_$][\w$-]{0,63}|\*))+$/.test(f.pointer) && !f.pointer.endsWith('/*'), `${where}.pointer ${JSON.stringify(f.pointer)} is not a field path like /data/currency`);
  need(typeof f.type === 'string' && JSON_TYPES.includes(f.type), `${where}.type is not one of ${JSON_TYPES.join(', ')}`);
  return { operationId: f.operationId as string, status: f.status as number, pointer: f.pointer as string, type: f.type as FieldChange['type'], seen: Number(f.seen) || 0, example: f.example as FieldChange['example'] };
}

/** Parse and check a proposal's text (the file's name is only for messages). */
export function parseProposal(text: string, path: string): Result<AdoptableProposal> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return fail(path, `not JSON (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  try {
    need(isRecord(json) && json.kind === PROPOSAL_KIND, `not a decisions proposal (kind must be "${PROPOSAL_KIND}")`);
    const p = json as Record<string, unknown>;
    need(p.version === PROPOSAL_VERSION, `version ${JSON.stringify(p.version)} is not ${PROPOSAL_VERSION}`);
    const base = p.base as Record<string, unknown> | undefined;
    need(isRecord(base) && /^sha256:[0-9a-f]{64}$/.test(String(base.spec)) && /^sha256:[0-9a-f]{64}$/.test(String(base.decisions)), 'base.spec and base.decisions must be the sha256 of the files it was made against');
    need(Array.isArray(p.changes) && Array.isArray(p.fields), 'changes and fields must be lists');
    const changes = (p.changes as unknown[]).map(change);
    const fields = (p.fields as unknown[]).map(field);
    need(changes.length + fields.length <= PROPOSAL_MAX_ITEMS, `${changes.length + fields.length} changes and fields; at most ${PROPOSAL_MAX_ITEMS}`);
    const entries = changes.map((c) => c.entry);
    const twice = entries.find((e, i) => entries.indexOf(e) !== i);
    need(twice === undefined, `${twice} is proposed twice`);
    const source = isRecord(p.source) ? (p.source as Proposal['source']) : { command: 'verify' as const, target: 'unknown', exchanges: 0 };
    return ok({ createdAt: String(p.createdAt ?? ''), source, base: base as Proposal['base'], changes, fields });
  } catch (cause) {
    if (cause instanceof Bad) return fail(path, cause.message);
    throw cause;
  }
}

export function readProposal(path: string): Result<AdoptableProposal> {
  try {
    const size = statSync(path).size;
    if (!statSync(path).isFile()) return fail(path, 'not a regular file', 'Pass the proposal file verify --propose wrote.');
    if (size > PROPOSAL_MAX_BYTES) return fail(path, `${size} bytes; a proposal is at most ${PROPOSAL_MAX_BYTES}`, 'Pass the proposal file verify --propose wrote, not another file.');
    return parseProposal(readFileSync(path, 'utf8'), path);
  } catch (cause) {
    return err(kitError('PROPOSAL_UNREADABLE', `[wupex-kit] PROPOSAL_UNREADABLE: cannot read ${path} (${cause instanceof Error ? cause.message : String(cause)}).`, { hint: 'Check the path; make one with npm run verify -- ... --propose FILE.', cause }));
  }
}
