// The decisions after a proposal: each change's value set at its entry path, then checked like any decisions file.
import type { DecisionChange } from '../contract/propose/proposal.ts';
import { valueAt } from '../contract/propose/entries.ts';
import { checkDecisions, type LoadedDecisions } from '../spec/decisions.ts';
import type { Result } from '../core/result.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function setAt(root: Record<string, unknown>, entry: string, value: unknown): void {
  const keys = entry.split('.');
  const last = keys.pop()!;
  let node = root;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = structuredClone(value);
}

/** The changes not yet in these decisions (an adopted proposal has none left: adopt is idempotent). */
export function pendingChanges(decisions: LoadedDecisions, changes: readonly DecisionChange[]): DecisionChange[] {
  return changes.filter((c) => !same(valueAt(decisions, c.entry), c.proposed));
}

/** Pure: the decisions with every change applied, checked (an impossible value is DECISIONS_INVALID naming the entry). */
export function applyChanges(decisions: LoadedDecisions, changes: readonly DecisionChange[]): Result<LoadedDecisions> {
  const next = structuredClone(decisions) as unknown as Record<string, unknown>;
  for (const c of changes) setAt(next, c.entry, c.proposed);
  return checkDecisions(next, 'the decisions after the proposal');
}
