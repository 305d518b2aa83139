// Doctor check `spec-lint`: openapi/wupex.yaml passes `npm run lint:spec` (Spectral, fails on warnings).
import { isInstalledPackage } from '../core/package-root.ts';
import { defineDoctorCheck, fail, ok, skip } from './doctor-check.ts';

/** The lines worth showing from Spectral's output: the problem lines and its summary. */
export function lintSummary(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const summary = lines.find((l) => /^✖|problems?\b/.test(l));
  return summary ?? lines.slice(-1)[0] ?? 'no output';
}

export const specLint = defineDoctorCheck({
  id: 'spec-lint',
  async run({ runSpecLint, root }) {
    if (isInstalledPackage(root)) return skip('the spec ships linted (its lint runs in the kit\'s own repository)');
    const { code, output } = await runSpecLint();
    if (code === 0) return ok('openapi/wupex.yaml lints clean (npm run lint:spec)');
    if (code === null) return fail(`Spectral could not run: ${lintSummary(output)}`, 'Run: npm ci (it installs @stoplight/spectral-cli)');
    return fail(`openapi/wupex.yaml has lint findings: ${lintSummary(output)}`, 'Run: npm run lint:spec, and fix each finding it lists.');
  },
});
