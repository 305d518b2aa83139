// Doctor check `npm`: npm can read the committed lockfile (v3 needs npm 7) and is the version the README asks for (10+).
import { defineDoctorCheck, fail, ok, warn } from './doctor-check.ts';

export const NPM_MINIMUM = { lockfileV3: 7, recommended: 10 } as const;

export const npmVersion = defineDoctorCheck({
  id: 'npm',
  run({ npmVersion: read }) {
    const version = read();
    if (!version) return warn('npm not found on PATH', 'Install npm 10 or newer (it ships with Node 20+).');
    const major = Number(/^(\d+)\./.exec(version)?.[1] ?? NaN);
    if (!(major >= NPM_MINIMUM.lockfileV3)) return fail(`npm ${version} cannot read package-lock.json v3`, 'Upgrade: npm install -g npm@10, then npm ci.');
    if (major < NPM_MINIMUM.recommended) return warn(`npm ${version} is older than the npm 10 the README asks for`, 'Upgrade: npm install -g npm@10.');
    return ok(`npm ${version}`);
  },
});
