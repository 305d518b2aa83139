// Doctor check `node`: the running Node satisfies package.json `engines.node` (^20.19 || >=22.13: vite, @redocly/cli and msw's dependencies).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineDoctorCheck, fail, ok, warn } from './doctor-check.ts';

type Triple = [number, number, number];

const triple = (text: string): Triple | undefined => {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
};

const compare = (a: Triple, b: Triple): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** One comparator (`>=20.19.0`, `<21`, `^22.12`); undefined for forms we do not read. */
function meetsComparator(have: Triple, comparator: string): boolean | undefined {
  const m = /^(>=|<=|>|<|\^|=)?\s*(.+)$/.exec(comparator);
  const want = m ? triple(m[2]) : undefined;
  if (!m || !want) return undefined;
  const c = compare(have, want);
  switch (m[1] ?? '=') {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    case '^': return c >= 0 && have[0] === want[0];
    default: return c === 0;
  }
}

/** Whether `version` (e.g. "20.20.2") satisfies an engines range (`^20.19.0 || >=22.12.0`); undefined for ranges we do not read. */
export function meetsMinimum(version: string, range: string): boolean | undefined {
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!have) return undefined;
  const current: Triple = [Number(have[1]), Number(have[2]), Number(have[3])];
  let any = false;
  for (const alternative of range.split('||')) {
    const comparators = alternative.trim().replace(/([<>=^])\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (comparators.length === 0) return undefined;
    const results = comparators.map((c) => meetsComparator(current, c));
    if (results.includes(undefined)) return undefined;
    if (results.every(Boolean)) any = true;
  }
  return any;
}

export const nodeVersion = defineDoctorCheck({
  id: 'node',
  run({ root, nodeVersion: version }) {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    const range = pkg.engines?.node ?? '>=20.19.0';
    const meets = meetsMinimum(version, range);
    if (meets === undefined) return warn(`Node ${version}; cannot read engines.node "${range}"`, 'Use Node 20.19+ or 22.13+.');
    if (!meets) return fail(`Node ${version} does not satisfy engines.node "${range}"`, 'Install Node 20.19+ or 22.13+ (nvm install, which reads .nvmrc), then npm ci.');
    return ok(`Node ${version} (engines.node "${range}")`);
  },
});
