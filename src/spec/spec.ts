// Loads openapi/wupex.yaml (the single source of truth) with every $ref resolved, and lists its operations.
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { readSpecSnapshot } from './spec-snapshot.ts';
import { loadVendored } from './vendor.ts';

/*
 * js-yaml with its YAML 1.2 core schema (no timestamps, no yes/no booleans), which reads the spec as the `yaml`
 * package does (a test compares them) in a tenth of the time: parsing was most of the twin's start-up.
 */
const jsYaml = loadVendored('js-yaml').require('js-yaml') as { load(text: string, options: { schema: unknown; filename?: string }): unknown; CORE_SCHEMA: unknown };

export const SPEC_PATH = resolve(PACKAGE_ROOT, 'openapi/wupex.yaml');

export type Document = OpenAPIV3_1.Document;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One operation of the spec, resolved: what checks, handlers and generators iterate over. */
export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  /** "POST /api/order/pull-codes": the label used in findings and logs. */
  label: string;
  operation: OpenAPIV3_1.OperationObject;
}

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Bounds on a spec, so a hostile file (YAML alias or $ref fan-out bombs: a few KB expanding to billions of nodes) is refused
 * in milliseconds. The kit's spec is 27 KB and resolves to about 5,000 nodes; past either bound loading throws, naming it.
 */
export const SPEC_LIMITS = { maxFileBytes: 4 * 1024 * 1024, maxResolvedNodes: 250_000 } as const;

/** One spec file as plain data, $refs untouched: JSON, or YAML read with the core schema. */
export function readSpecFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (text.length > SPEC_LIMITS.maxFileBytes) throw new Error(`Spec file ${file} is ${text.length} characters; the limit is ${SPEC_LIMITS.maxFileBytes}. Split it or check it is the right file.`);
  return file.endsWith('.json') ? JSON.parse(text) : jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
}

function pointer(doc: unknown, fragment: string, ref: string, file: string): unknown {
  let node: unknown = doc;
  for (const raw of fragment.split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[part];
    if (node === undefined) throw new Error(`Unresolvable $ref "${ref}" in ${file}`);
  }
  return node;
}

/** Where deref is in the spec: the file and its parsed root, the refs followed to get here, and how a file is read. */
interface DerefAt {
  root: unknown;
  file: string;
  seen: string[];
  read: (file: string) => unknown;
  /** Nodes the resolved document may still hold (SPEC_LIMITS.maxResolvedNodes); shared by the whole walk. */
  budget: { left: number };
}

/** Resolve local (#/...) and relative-file ($ref: ./examples/x.json) references, recursively. */
function deref(node: unknown, at: DerefAt): unknown {
  if (--at.budget.left < 0) throw new Error(`Spec ${at.file} expands to more than ${SPEC_LIMITS.maxResolvedNodes} nodes once its YAML aliases and $refs are resolved (an alias or $ref bomb?); the kit refuses it.`);
  if (Array.isArray(node)) return node.map((n) => deref(n, at));
  if (!node || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const [target, fragment = ''] = ref.split('#');
    const targetFile = target ? resolve(dirname(at.file), target) : at.file;
    const key = `${targetFile}#${fragment}`;
    if (at.seen.includes(key)) throw new Error(`Circular $ref "${ref}" in ${at.file}`);
    const targetRoot = target ? at.read(targetFile) : at.root;
    return deref(pointer(targetRoot, fragment, ref, at.file), { ...at, root: targetRoot, file: targetFile, seen: [...at.seen, key] });
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = deref(v, at);
  return out;
}

/** The spec with every $ref inlined, parsed from its files, and every file it was read from (the spec first). */
export function resolveSpec(file = SPEC_PATH): { doc: Document; files: string[] } {
  const parsed = new Map<string, unknown>();
  const read = (f: string) => {
    if (!parsed.has(f)) parsed.set(f, readSpecFile(f));
    return parsed.get(f);
  };
  const root = read(file);
  const doc = deref(root, { root, file, seen: [], read, budget: { left: SPEC_LIMITS.maxResolvedNodes } }) as Document;
  return { doc, files: [...parsed.keys()] };
}

/**
 * The spec with every $ref inlined: the kit's own from the build's snapshot while none of its files changed (a tenth
 * of the time), else parsed. Throws on a broken spec: that is a programmer error, caught by the spec tests.
 */
export function loadSpec(file = SPEC_PATH): Document {
  const snapshot = resolve(file) === SPEC_PATH ? (readSpecSnapshot(file) as Document | undefined) : undefined;
  return snapshot ?? resolveSpec(file).doc;
}

/** Every operation in path order, with a stable label. */
export function listOperations(doc: Document): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as OpenAPIV3_1.OperationObject | undefined;
      if (!operation?.operationId) continue;
      out.push({ operationId: operation.operationId, method, path, label: `${method.toUpperCase()} ${path}`, operation });
    }
  }
  return out;
}
