// Every change between two versions of the spec, classified by api-smart-diff (a maintained differ) and named for a reader.
import { apiCompare } from 'api-smart-diff';
import { changeId } from './change-id.ts';

/** What a change means for a client: breaking (a client built on the old spec can fail), non-breaking, or annotation only (text, examples). */
export type ChangeClass = 'breaking' | 'non-breaking' | 'annotation';

/**
 * `operations`: under `paths`, what an HTTP client meets (gated). `document`: servers, security, info and other top-level members (gated).
 * `components`: named schemas, parameters, responses; every one an operation uses shows again under that operation, so these are
 * listed and counted but never gated (the library classifies them without knowing whether they are read or written).
 */
export type ChangeScope = 'operations' | 'document' | 'components';

export interface SpecChange {
  id: string;
  class: ChangeClass;
  scope: ChangeScope;
  action: 'add' | 'remove' | 'replace' | 'rename';
  /** The library's sentence, or a plain one when it has none. */
  description: string;
  /** api-smart-diff's own type ('unclassified' and 'deprecated' are mapped: see classOf). */
  libraryType: string;
  path: (string | number)[];
}

interface LibraryDiff {
  action: SpecChange['action'];
  path: (string | number)[];
  type: string;
  description?: string;
  before?: unknown;
  after?: unknown;
}

/** Members that only describe: a change to them (or below them) changes no request or answer. */
const DESCRIPTIVE = /^(description|summary|title|example|examples|externalDocs|x-.*)$/;

/**
 * The library's five types onto our three. `unclassified` is what it could not judge: under a descriptive member
 * (examples, x-decision) it is an annotation; anywhere else (an allOf folded into properties) it counts as breaking
 * until a reviewer acknowledges it. `deprecated` is non-breaking: the operation or field still works.
 */
function classOf(diff: LibraryDiff): ChangeClass {
  if (diff.type === 'breaking' || diff.type === 'non-breaking' || diff.type === 'annotation') return diff.type;
  if (diff.type === 'deprecated') return 'non-breaking';
  return diff.path.some((segment) => typeof segment === 'string' && DESCRIPTIVE.test(segment)) ? 'annotation' : 'breaking';
}

const scopeOf = (path: readonly (string | number)[]): ChangeScope => (path[0] === 'paths' ? 'operations' : path[0] === 'components' ? 'components' : 'document');

/** Compare two bundled specs (no external $ref; local ones are resolved by the library). Cost: linear in the two documents. */
export function classifyChanges(before: unknown, after: unknown): SpecChange[] {
  const { diffs } = apiCompare(before as object, after as object) as unknown as { diffs: LibraryDiff[] };
  return diffs.map((diff) => {
    const removed = diff.action === 'remove';
    const id = changeId(diff.path, removed ? before : after, removed ? diff.before : (diff.after ?? diff.before));
    const verb = { add: 'Added', remove: 'Removed', replace: 'Replaced', rename: 'Renamed' }[diff.action];
    return {
      id,
      class: classOf(diff),
      scope: scopeOf(diff.path),
      action: diff.action,
      description: `${diff.description || `[${verb}] ${diff.path.join('/')}`}${diff.type === 'unclassified' && classOf(diff) === 'breaking' ? ' (api-smart-diff could not classify it: counted as breaking until acknowledged)' : ''}`,
      libraryType: diff.type,
      path: diff.path,
    };
  });
}
