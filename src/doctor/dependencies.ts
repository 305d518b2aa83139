// Doctor check `dependencies`: node_modules matches package-lock.json, and every pinned devDependency is installed at its pin.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isInstalledPackage } from '../core/package-root.ts';
import { defineDoctorCheck, fail, ok, skip, warn } from './doctor-check.ts';

interface LockEntry { version?: string; optional?: boolean; link?: boolean }
interface Lockfile { packages?: Record<string, LockEntry> }

const readJson = <T>(file: string): T | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined);

/** Lock entries that npm ci would have installed but are absent or at another version in node_modules. */
export function compareLockfiles(wanted: Lockfile, installed: Lockfile): { missing: string[]; mismatched: string[] } {
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const [path, entry] of Object.entries(wanted.packages ?? {})) {
    if (path === '' || entry.link) continue;
    const have = installed.packages?.[path];
    if (!have) {
      if (!entry.optional) missing.push(path.replace(/^node_modules\//, ''));
    } else if (entry.version && have.version !== entry.version) {
      mismatched.push(`${path.replace(/^node_modules\//, '')} ${have.version} (lock: ${entry.version})`);
    }
  }
  return { missing, mismatched };
}

/** Direct devDependencies whose own package.json is missing or not at the exact pinned version. */
export function unresolvedPins(root: string, pins: Record<string, string>): string[] {
  return Object.entries(pins).flatMap(([name, pin]) => {
    const pkg = readJson<{ version?: string }>(resolve(root, 'node_modules', name, 'package.json'));
    if (!pkg) return [`${name} (not installed)`];
    return pkg.version === pin ? [] : [`${name} ${pkg.version} (package.json pins ${pin})`];
  });
}

const list = (items: string[]) => `${items.slice(0, 3).join(', ')}${items.length > 3 ? ` and ${items.length - 3} more` : ''}`;

export const dependencies = defineDoctorCheck({
  id: 'dependencies',
  run({ root }) {
    if (isInstalledPackage(root)) return skip('the kit is installed as a dependency: your project\'s npm ci installed its pins (npm ls wupex-contract shows them)');
    const pkg = readJson<{ devDependencies?: Record<string, string>; dependencies?: Record<string, string> }>(resolve(root, 'package.json'));
    const lock = readJson<Lockfile>(resolve(root, 'package-lock.json'));
    if (!pkg || !lock) return fail('package.json or package-lock.json is missing', 'Run doctor from the repository root of a complete clone.');
    if (!existsSync(resolve(root, 'node_modules'))) return fail('node_modules is missing: dependencies are not installed', 'Run: npm ci');
    const pins = unresolvedPins(root, { ...pkg.dependencies, ...pkg.devDependencies });
    if (pins.length > 0) return fail(`${pins.length} pinned package(s) not installed as pinned: ${list(pins)}`, 'Run: npm ci');
    const hidden = readJson<Lockfile>(resolve(root, 'node_modules/.package-lock.json'));
    if (!hidden) return warn('node_modules has no .package-lock.json, so it cannot be compared with package-lock.json', 'Run: npm ci');
    const { missing, mismatched } = compareLockfiles(lock, hidden);
    if (missing.length + mismatched.length > 0) {
      const parts = [missing.length ? `missing ${list(missing)}` : '', mismatched.length ? `different ${list(mismatched)}` : ''].filter(Boolean);
      return fail(`node_modules does not match package-lock.json: ${parts.join('; ')}`, 'Run: npm ci (not npm install: it keeps the lock exact)');
    }
    const count = Object.keys(lock.packages ?? {}).length - 1;
    return ok(`node_modules matches package-lock.json (${count} packages; ${Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).length} pins installed)`);
  },
});
