// A short, stable name for one spec change ("POST /api/order/pull-codes responses.200.data.totalAmount"), for reports and acknowledgements.

import { followLocalRef } from '../spec/local-ref.ts';

type Segment = string | number;
type Node = Record<string, unknown>;

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function at(doc: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>((node, key) => (followLocalRef(doc, node) as Node | undefined)?.[key as string], doc);
}

const valueName = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));

/** The readable tail of a path below an operation (or the document root): schema keywords folded, array indexes named. */
function tail(path: readonly Segment[], doc: unknown, value: unknown, prefix: readonly Segment[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i]!;
    const next = path[i + 1];
    if (key === 'schema' || key === 'properties') continue;
    if (key === 'content') {
      if (next !== 'application/json') out.push(`content:${String(next)}`);
      i += 1;
    } else if (key === 'items' && out.length) out[out.length - 1] += '[]';
    else if ((key === 'parameters' || key === 'allOf' || key === 'oneOf' || key === 'anyOf') && typeof next === 'number') {
      const param = followLocalRef(doc, at(doc, [...prefix, ...path.slice(0, i + 2)])) as Node | undefined;
      out.push(key === 'parameters' && typeof param?.name === 'string' ? `parameters.${param.name}` : `${key}[${next}]`);
      i += 1;
    } else if (key === 'required' && typeof next === 'number') {
      out.push(`${valueName(value)}.required`);
      i += 1;
    } else if ((key === 'enum' || key === 'type') && typeof next === 'number') {
      out.push(`${key}:${valueName(value)}`);
      i += 1;
    } else out.push(String(key));
  }
  return out;
}

/**
 * `METHOD /path tail` for a change inside an operation, `/path tail` for a path item, the dotted path elsewhere.
 * `doc` is the side the change is read from (the new spec for additions and replacements, the old one for removals);
 * `value` is the changed value (names a `required` or `enum` entry, whose index would not be stable).
 */
export function changeId(path: readonly Segment[], doc: unknown, value: unknown): string {
  if (path[0] === 'paths' && typeof path[1] === 'string') {
    const method = typeof path[2] === 'string' && METHODS.has(path[2]) ? path[2] : undefined;
    const head = method ? `${method.toUpperCase()} ${path[1]}` : path[1];
    const rest = tail(path.slice(method ? 3 : 2), doc, value, path.slice(0, method ? 3 : 2));
    return rest.length ? `${head} ${rest.join('.')}` : head;
  }
  return tail(path, doc, value, []).join('.');
}
