// The kit's package root (the folder holding its package.json), found the same way from the sources and from dist/.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walk up from `from` to the first folder with a package.json: the repository, or node_modules/wupex-contract once installed. */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(resolve(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`[wupex-kit] PACKAGE_ROOT_NOT_FOUND: no package.json above ${from}; reinstall the kit.`);
    dir = parent;
  }
  return dir;
}

/** Where the spec, its examples and the twin's fixtures live at run time (dist/ holds only compiled code). */
export const PACKAGE_ROOT = findPackageRoot();

/** True when the kit runs as an installed dependency (node_modules/wupex-contract) rather than from its own repository. */
export function isInstalledPackage(root: string = PACKAGE_ROOT): boolean {
  return /[\\/]node_modules[\\/]/.test(root);
}
