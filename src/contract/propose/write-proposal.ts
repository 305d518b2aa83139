// Build a proposal against the files it was made from (their hashes) and write it: redacted, whole or not at all.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { err, kitError, ok, type Result } from '../../core/result.ts';
import { DECISIONS_PATH, type LoadedDecisions } from '../../spec/decisions.ts';
import { SPEC_PATH } from '../../spec/spec.ts';
import type { Located } from './observe.ts';
import { buildProposal, sha256, type Proposal, type ProposalInput } from './proposal.ts';
import { inputAt, isRecordingName } from '../../core/same-file.ts';

export interface ProposeFrom {
  located: readonly Located[];
  decisions: LoadedDecisions;
  source: Proposal['source'];
  /** The files the run held the target to (hashed into `base`, so adopt can refuse a stale proposal). */
  specPath?: string;
  decisionsPath?: string;
  /** verify's findings (rows the target differs on that no change covers go to needsHuman). */
  findings?: ProposalInput['findings'];
}

export function proposeFrom(input: ProposeFrom): Proposal {
  const base = { spec: sha256(readFileSync(input.specPath ?? SPEC_PATH, 'utf8')), decisions: sha256(readFileSync(input.decisionsPath ?? DECISIONS_PATH, 'utf8')) };
  return buildProposal({ located: input.located, decisions: input.decisions, source: input.source, base, findings: input.findings });
}

/**
 * Write the proposal JSON through `redact` (the command's one redactor), via a temporary file renamed into place.
 * A path that is one of the run's inputs is refused, so a typo never overwrites a recording, the spec or the decisions.
 */
export function writeProposal(path: string, proposal: Proposal, redact: (text: string) => string, inputs: readonly string[]): Result<string> {
  const target = resolve(path);
  if (inputAt(path, inputs) !== undefined || isRecordingName(path)) {
    return err(kitError('PROPOSAL_NOT_WRITTEN', `[wupex-kit] PROPOSAL_NOT_WRITTEN: --propose ${path} is one of this run's inputs (or a link to one, or a .har recording); it was not overwritten.`, { hint: 'Name a new file, e.g. --propose proposal.json.' }));
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    // Each string is redacted before JSON escapes its control characters (a key interleaved with U+0001 would survive as
    // `\u0001` escapes), then the whole text once more.
    const text = JSON.stringify(proposal, (_key, value: unknown) => (typeof value === 'string' ? redact(value) : value), 2);
    writeFileSync(temporary, `${redact(text)}\n`, { flag: 'wx', mode: 0o600 });
    renameSync(temporary, target);
    return ok(target);
  } catch (cause) {
    rmSync(temporary, { force: true });
    return err(kitError('PROPOSAL_NOT_WRITTEN', `[wupex-kit] PROPOSAL_NOT_WRITTEN: cannot write ${path} (${cause instanceof Error ? cause.message : String(cause)}).`, { hint: 'Choose a writable path for --propose.', cause }));
  }
}
