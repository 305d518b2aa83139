// Following one local `#/a/b` $ref in a parsed (unresolved) spec, as JSON Pointer reads it (~1 is '/', ~0 is '~').

/** The node a local `$ref` points at; any other node (or an external ref) is returned as is. */
export function followLocalRef(doc: unknown, node: unknown): unknown {
  const ref = (node as Record<string, unknown> | undefined)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
}
