// Pack-test helpers: pack the kit, and a consumer project whose lockfile is cut from the kit's, so `npm ci --offline` needs only the npm cache.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

type LockEntry = { version?: string; resolved?: string; integrity?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }>; [k: string]: unknown };
type Lock = { packages: Record<string, LockEntry> };

/** Where Node would find `name` from the package installed at `from` (its own node_modules first, then each parent's). */
function locate(packages: Lock['packages'], from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at < 0 ? '' : dir.slice(0, at);
  }
}

/** Every lock entry reachable from `roots` (dependencies, optional ones, required peers), at the same paths as in the kit. */
function reachable(lock: Lock, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = roots.map((name) => locate(lock.packages, '', name)).filter((p): p is string => p !== undefined);
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = lock.packages[path];
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((n) => !entry.peerDependenciesMeta?.[n]?.optional);
    for (const name of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]) {
      const found = locate(lock.packages, path, name);
      if (found) queue.push(found);
    }
  }
  return seen;
}

/**
 * The registry tarball URL of a lock entry. Lockfiles written with omit-lockfile-registry-resolved have none, and npm would
 * then ask for the package document first; with the URL and the integrity, npm ci reads the tarball straight from its cache.
 */
function registryTarball(path: string, entry: LockEntry): string {
  const name = (entry.name as string | undefined) ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
}

export interface ConsumerFiles {
  packageJson: string;
  lock: string;
}

/** package.json and package-lock.json of a project that depends on the packed kit (file:TARBALL) and `extra` packages pinned as in the kit. */
export function consumerProject(kitRoot: string, tarball: string, extra: string[]): ConsumerFiles {
  const kit = JSON.parse(readFileSync(posix.join(kitRoot, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; devDependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };
  const lock = JSON.parse(readFileSync(posix.join(kitRoot, 'package-lock.json'), 'utf8')) as Lock;
  const pins = Object.fromEntries(extra.map((name) => [name, kit.devDependencies[name] ?? kit.dependencies[name]]));
  const dependencies = { [kit.name]: `file:${tarball}`, ...pins };
  const packages: Record<string, LockEntry> = {
    '': { name: 'wupex-consumer', dependencies },
    [`node_modules/${kit.name}`]: { version: kit.version, resolved: `file:${tarball}`, dependencies: kit.dependencies, bin: kit.bin, engines: kit.engines },
  };
  for (const path of reachable(lock, [...Object.keys(kit.dependencies), ...extra])) {
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = lock.packages[path];
    packages[path] = { ...entry, resolved: entry.resolved ?? registryTarball(path, entry) };
  }
  return {
    packageJson: JSON.stringify({ name: 'wupex-consumer', private: true, type: 'module', dependencies }, null, 2),
    lock: JSON.stringify({ name: 'wupex-consumer', lockfileVersion: 3, requires: true, packages }, null, 2),
  };
}
