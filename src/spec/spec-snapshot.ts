// The kit's spec resolved at build time (dist/openapi/wupex.resolved.json): loadSpec takes it while none of the files it came from changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PACKAGE_ROOT } from '../core/package-root.ts';

/** Where `npm run build` writes the snapshot (in the package tarball too). */
export const SPEC_SNAPSHOT_PATH = resolve(PACKAGE_ROOT, 'dist/openapi/wupex.resolved.json');

/** The snapshot file: the spec and each file it was read from with its SHA-256 (paths relative to the package root), and the result. */
interface SpecSnapshot {
  spec: string;
  files: Record<string, string>;
  doc: unknown;
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The snapshot's text for a resolved spec; undefined when the document would not come back the same from JSON. */
export function specSnapshot(spec: string, resolved: { doc: unknown; files: string[] }, root: string = PACKAGE_ROOT): string | undefined {
  const files = Object.fromEntries(resolved.files.map((file) => [relative(root, file), digest(file)]));
  const text = JSON.stringify({ spec: relative(root, spec), files, doc: resolved.doc } satisfies SpecSnapshot);
  return isDeepStrictEqual((JSON.parse(text) as SpecSnapshot).doc, resolved.doc) ? text : undefined;
}

/** Whether every file the snapshot lists still has the content it was resolved from. */
function unchanged(files: Record<string, string>, root: string): boolean {
  return Object.entries(files).every(([file, sum]) => existsSync(resolve(root, file)) && digest(resolve(root, file)) === sum);
}

/**
 * The resolved document of `spec` from the snapshot when the snapshot is of that file and all its files are unchanged;
 * else undefined, and the caller parses. A missing or damaged snapshot only costs the shortcut.
 */
export function readSpecSnapshot(spec: string, snapshot: string = SPEC_SNAPSHOT_PATH, root: string = PACKAGE_ROOT): unknown {
  if (!existsSync(snapshot)) return undefined;
  let parsed: SpecSnapshot;
  try {
    parsed = JSON.parse(readFileSync(snapshot, 'utf8')) as SpecSnapshot;
  } catch {
    return undefined; // not JSON (a half-written build): parse the spec instead
  }
  if (typeof parsed?.spec !== 'string' || resolve(root, parsed.spec) !== resolve(spec) || !parsed.files) return undefined;
  return unchanged(parsed.files, root) ? parsed.doc : undefined;
}
