// Edit openapi/wupex.yaml as YAML (comments and layout kept) so it says what the decisions say: success status,
// every decided refusal's code, status map and documented status, Accept-Language values, order limits; plus
// new optional response fields. Idempotent: an aligned spec comes back unchanged. Pure: text in, text out.
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { pointFor } from '../contract/propose/entries.ts';
import type { FieldChange } from '../contract/propose/proposal.ts';
import { placedRefusals } from '../spec/decisions-vs-spec.ts';
import type { LoadedDecisions } from '../spec/decisions.ts';

type Path = (string | number)[];

export interface SpecEdit {
  text: string;
  /** One sentence per change made, in order. */
  changed: string[];
  /** Example files to create beside the spec (path relative to the spec's folder -> JSON text). */
  examples: Map<string, string>;
}

export interface EditNote {
  /** "2026-12-05, verify against base-url http://127.0.0.1:1234". */
  adoptedFrom: string;
  /** Example files that already exist beside the spec (relative paths), so a new one never overwrites. */
  exists: (relative: string) => boolean;
}

/** The DECISIONS row an entry rests on (its first), as the number `x-decision` takes when it is one. */
const rowOf = (entry: string): number | string => {
  const row = pointFor(entry)?.rows[0] ?? '23';
  return /^\d+$/.test(row) ? Number(row) : row;
};
const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);
const quoted = (text: string) => Object.assign(new Scalar(text), { type: Scalar.QUOTE_SINGLE });
const pascal = (code: string) => code.toLowerCase().replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');

/** Where each operation lives: operationId -> ['paths', path, method]. */
function operationPaths(doc: Document): Map<string, Path> {
  const out = new Map<string, Path>();
  const paths = doc.get('paths');
  if (!isMap(paths)) return out;
  for (const item of paths.items) {
    if (!isMap(item.value)) continue;
    for (const op of item.value.items) {
      const id = isMap(op.value) ? op.value.get('operationId') : undefined;
      if (typeof id === 'string') out.set(id, ['paths', keyOf(item), keyOf(op)]);
    }
  }
  return out;
}

/** Insert `key: value` into a map in ascending status order (responses read top-down 200, 400, 401...). */
function insertSorted(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  const pair = doc.createPair(quoted(key), value);
  const at = map.items.findIndex((p) => Number(keyOf(p)) > Number(key));
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

function createEditor(text: string, d: LoadedDecisions, note: EditNote) {
  const doc = parseDocument(text);
  const changed: string[] = [];
  const examples = new Map<string, string>();
  const ops = operationPaths(doc);

  const ensureCode = (entry: string, code: string, status: number) => {
    const codes = doc.getIn(['components', 'schemas', 'ErrorCode', 'enum']) as YAMLSeq | undefined;
    if (codes && isSeq(codes) && !codes.items.some((i) => (isScalar(i) ? i.value : i) === code)) {
      codes.add(doc.createNode(code));
      changed.push(`ErrorCode: added ${code} (${entry})`);
    }
    const map = ['components', 'schemas', 'ErrorCode', 'x-status-codes', code];
    if (doc.getIn(map) !== status) {
      doc.setIn(map, status);
      changed.push(`ErrorCode.x-status-codes: ${code} is ${status}`);
    }
  };

  /** A component response for a status and code no response documents yet, with its example file. */
  const adoptedResponse = (entry: string, status: number, code: string): string => {
    const name = `Adopted${status}${pascal(code)}`;
    if (doc.getIn(['components', 'responses', name]) === undefined) {
      let file = `examples/errors/${kebab(code)}.json`;
      if (note.exists(file) || examples.has(file)) file = `examples/errors/${kebab(code)}-${status}.json`;
      examples.set(file, `${JSON.stringify({ summary: `${code} (adopted from evidence, ${entry})`, value: { status: false, error: { code, message: `Refused: ${code.toLowerCase().replace(/_/g, ' ')}.` } } }, null, 2)}\n`);
      doc.setIn(['components', 'responses', name], doc.createNode({
        description: `${code}: adopted from evidence (${note.adoptedFrom}; decisions.yaml ${entry}, DECISIONS #${rowOf(entry)}).`,
        'x-decision': rowOf(entry),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' }, examples: { [entry.split('.').pop()!]: { $ref: `./${file}` } } } },
      }));
      changed.push(`components.responses.${name}: new (${status} ${code}), example ${file}`);
    }
    return name;
  };

  const ensureDocumented = (entry: string, operationId: string, status: number, code: string) => {
    const path = ops.get(operationId);
    const responses = path ? doc.getIn([...path, 'responses']) : undefined;
    if (!isMap(responses) || responses.items.some((p) => keyOf(p) === String(status))) return;
    insertSorted(doc, responses, String(status), { $ref: `#/components/responses/${adoptedResponse(entry, status, code)}` });
    changed.push(`${operationId}: documents ${status} (${entry})`);
  };

  const successStatus = () => {
    const path = ops.get('pullCodes');
    const responses = path ? doc.getIn([...path, 'responses']) : undefined;
    if (!isMap(responses)) return;
    const wanted = String(d.pullCodes.successStatus);
    const success = responses.items.filter((p) => /^2\d\d$/.test(keyOf(p)));
    if (success.length === 1 && keyOf(success[0]!) !== wanted) {
      const was = keyOf(success[0]!);
      success[0]!.key = quoted(wanted);
      changed.push(`pullCodes: success status ${was} -> ${wanted} (pullCodes.successStatus)`);
    }
  };

  /**
   * #22: the 429 and 503 responses declare Retry-After exactly when decisions.yaml says it is sent, so a server built from
   * the spec alone (plain Prism) answers as decided too.
   */
  const retryAfter = () => {
    for (const name of ['TooManyRequests', 'ServiceUnavailable']) {
      const headers = ['components', 'responses', name, 'headers'];
      const declared = doc.getIn([...headers, 'Retry-After']) !== undefined;
      if (declared === d.retryAfter.send || doc.getIn(['components', 'responses', name]) === undefined) continue;
      if (d.retryAfter.send) doc.setIn([...headers, 'Retry-After'], doc.createNode({ $ref: '#/components/headers/RetryAfter' }));
      else {
        doc.deleteIn([...headers, 'Retry-After']);
        const left = doc.getIn(headers);
        if (isMap(left) && left.items.length === 0) doc.deleteIn(headers);
      }
      changed.push(`${name}: Retry-After ${d.retryAfter.send ? 'declared' : 'no longer declared'} (retryAfter.send is ${d.retryAfter.send})`);
    }
    // The shared header component goes with its last use (the linter flags an unused one) and comes back with the first.
    const component = ['components', 'headers', 'RetryAfter'];
    const used = ['TooManyRequests', 'ServiceUnavailable'].some((n) => doc.getIn(['components', 'responses', n, 'headers', 'Retry-After']) !== undefined);
    if (!used && doc.getIn(component) !== undefined) {
      // Row 22 stays referenced from the element it now decides (lint rule wupex-decision-references).
      const limited = ['components', 'responses', 'TooManyRequests', 'x-decision'];
      if (doc.getIn(limited) === undefined && doc.getIn(['components', 'responses', 'TooManyRequests']) !== undefined) doc.setIn(limited, 22);
      doc.deleteIn(component);
      const left = doc.getIn(['components', 'headers']);
      if (isMap(left) && left.items.length === 0) doc.deleteIn(['components', 'headers']);
    }
    if (used && doc.getIn(component) === undefined) {
      doc.setIn(component, doc.createNode({ description: 'Seconds to wait before retrying (DECISIONS #22). Optional; honour it when present.', required: false, 'x-decision': 22, schema: { format: 'int32', maximum: 2147483647, type: 'integer', minimum: 0 } }));
    }
  };

  const setIfDifferent = (path: Path, value: unknown, sentence: string) => {
    if (doc.getIn(path) !== undefined && doc.getIn(path) !== value) {
      doc.setIn(path, value);
      changed.push(sentence);
    }
  };

  return {
    doc,
    changed,
    examples,
    align() {
      successStatus();
      for (const placed of placedRefusals(d, [...ops.keys()])) {
        ensureCode(placed.entry, placed.refusal.code, placed.refusal.status);
        for (const id of placed.on) ensureDocumented(placed.entry, id, placed.refusal.status, placed.refusal.code);
      }
      retryAfter();
      const languages = ['components', 'parameters', 'AcceptLanguage', 'schema', 'enum'];
      const listed = doc.getIn(languages);
      if (isSeq(listed) && JSON.stringify(listed.toJSON()) !== JSON.stringify(d.acceptLanguage.accepted)) {
        doc.setIn(languages, Object.assign(doc.createNode([...d.acceptLanguage.accepted]), { flow: true }));
        changed.push(`Accept-Language: the values are ${d.acceptLanguage.accepted.join(', ')} (acceptLanguage.accepted)`);
      }
      setIfDifferent(['components', 'schemas', 'PullCodesRequest', 'maxItems'], d.orderLimits.maxLines, `PullCodesRequest.maxItems is ${d.orderLimits.maxLines} (orderLimits.maxLines)`);
      setIfDifferent(['components', 'schemas', 'OrderLine', 'properties', 'quantity', 'maximum'], d.orderLimits.maxQuantity, `OrderLine.quantity.maximum is ${d.orderLimits.maxQuantity} (orderLimits.maxQuantity)`);
    },
  };
}

/** Follow a local `$ref` ('#/components/schemas/X') to its path; anything else stays where it is. */
function deref(doc: Document, path: Path): Path {
  for (let i = 0; i < 16; i++) {
    const ref = doc.getIn([...path, '$ref']);
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return path;
    path = ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return path;
}

/** The schema path holding `segment` as a property (searching allOf branches), or where to add it. */
function propertyHolder(doc: Document, schema: Path, segment: string): Path {
  const here = deref(doc, schema);
  if (doc.getIn([...here, 'properties', segment]) !== undefined) return here;
  const branches = doc.getIn([...here, 'allOf']);
  if (isSeq(branches)) {
    for (let i = 0; i < branches.items.length; i++) {
      const branch = deref(doc, [...here, 'allOf', i]);
      if (doc.getIn([...branch, 'properties', segment]) !== undefined) return branch;
    }
    for (let i = 0; i < branches.items.length; i++) {
      const branch = deref(doc, [...here, 'allOf', i]);
      if (doc.getIn([...branch, 'properties']) !== undefined) return branch;
    }
  }
  return here;
}

/**
 * The schema of an adopted field: its observed type with the bounds the spec's lint asks of every value (OWASP api4:
 * strings, integers and arrays are bounded). The bounds are generous on purpose (only the type was observed): a longer
 * value later fails verify's schema check, which names the field for a human to widen.
 */
const ADOPTED_BOUNDS: Record<string, Record<string, unknown>> = {
  string: { maxLength: 4096 },
  integer: { format: 'int64', minimum: -9007199254740991, maximum: 9007199254740991 },
  number: { minimum: -1e15, maximum: 1e15 },
  array: { maxItems: 1000, items: {} },
};

/** Add one undocumented field as an optional property of the object that holds it; false when the path does not resolve. */
function addField(doc: Document, ops: Map<string, Path>, field: FieldChange, adoptedFrom: string, changed: string[]): boolean {
  const op = ops.get(field.operationId);
  if (!op) return false;
  const response = deref(doc, [...op, 'responses', String(field.status)]);
  let schema: Path = [...response, 'content', 'application/json', 'schema'];
  const segments = field.pointer.split('/').slice(1);
  const name = segments.pop()!;
  for (const segment of segments) {
    if (segment === '*') schema = [...deref(doc, schema), 'items'];
    else schema = [...propertyHolder(doc, schema, segment), 'properties', segment];
    if (doc.getIn(deref(doc, schema)) === undefined) return false;
  }
  const holder = propertyHolder(doc, schema, name);
  if (doc.getIn([...holder, 'properties', name]) !== undefined) return true;
  if (!isMap(doc.getIn([...holder, 'properties']))) return false;
  doc.setIn([...holder, 'properties', name], doc.createNode({ type: field.type, ...ADOPTED_BOUNDS[field.type], description: `Not in the vendor guide: seen in answers (${adoptedFrom}); optional.` }));
  changed.push(`${holder.join('.')}: new optional property ${name} (${field.type}), seen on ${field.operationId} ${field.status} ${field.pointer}`);
  return true;
}

/** Pure: the spec aligned with the decisions and carrying the new fields, with what changed; unresolvable fields are named. */
export function editSpec(text: string, d: LoadedDecisions, fields: readonly FieldChange[], note: EditNote): SpecEdit & { unplaced: FieldChange[] } {
  const editor = createEditor(text, d, note);
  editor.align();
  const ops = operationPaths(editor.doc);
  const unplaced = fields.filter((f) => !addField(editor.doc, ops, f, note.adoptedFrom, editor.changed));
  const out = editor.changed.length ? editor.doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : text;
  return { text: out, changed: editor.changed, examples: editor.examples, unplaced };
}
