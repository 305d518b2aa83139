// Doctor check `node`: the running Node satisfies package.json `engines.node` (>= 20).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineDoctorCheck, fail, ok, warn } from './doctor-check.ts';

/** Whether `version` (e.g. "20.20.2") meets a ">=X[.Y[.Z]]" range; undefined for ranges we do not read. */
export function meetsMinimum(version: string, range: string): boolean | undefined {
  const min = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range);
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!min || !have) return undefined;
  for (let i = 1; i <= 3; i += 1) {
    const a = Number(have[i]);
    const b = Number(min[i] ?? 0);
    if (a !== b) return a > b;
  }
  return true;
}

export const nodeVersion = defineDoctorCheck({
  id: 'node',
  run({ root, nodeVersion: version }) {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    const range = pkg.engines?.node ?? '>=20';
    const meets = meetsMinimum(version, range);
    if (meets === undefined) return warn(`Node ${version}; cannot read engines.node "${range}"`, 'Use Node 20 or newer.');
    if (!meets) return fail(`Node ${version} does not satisfy engines.node "${range}"`, 'Install Node 20 LTS or newer (nvm install 20), then npm ci.');
    return ok(`Node ${version} (engines.node "${range}")`);
  },
});
