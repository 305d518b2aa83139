// Flags of `npm run spec:diff`, parsed once.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { SPEC_PATH } from '../spec/spec.ts';

export interface SpecDiffArgs {
  base: string;
  spec: string;
  recordings: string[];
  /** Whether recordings were named (a named path that is missing is a usage error; the default folder may be absent). */
  recordingsGiven: boolean;
  decisions?: string;
  acceptBreaking: boolean;
  json: string;
  md: string;
  help: boolean;
}

export const SPEC_DIFF_DEFAULTS = {
  base: 'HEAD',
  recordings: resolve(PACKAGE_ROOT, 'tests/recordings'),
  json: 'reports/spec-diff.json',
  md: 'reports/spec-diff.md',
} as const;

export const SPEC_DIFF_HELP = `Usage: npm run spec:diff -- [--base REF|FILE] [options]

  --base REF|FILE       the old spec: a git ref (default HEAD: what your uncommitted edits change; main on a branch)
                        or a spec file (YAML or JSON, bundled or with its examples beside it)
  --spec FILE           the new spec (default openapi/wupex.yaml)
  --recordings PATH     .har files or folders replayed against the new spec (repeatable; default tests/recordings)
  --decisions FILE      where acknowledgements are read (default DECISIONS.md beside the new spec)
  --accept-breaking     acknowledge every breaking change (say why in the pull request)
  --report json=PATH    where the JSON report goes (default ${SPEC_DIFF_DEFAULTS.json})
  --report md=PATH      where the Markdown report goes (default ${SPEC_DIFF_DEFAULTS.md})

Classifies every change (api-smart-diff) as breaking, non-breaking or annotation, replays the recordings against the new
spec, and exits 1 on a breaking change no DECISIONS.md row names in its Evidence cell (by the change's id, as printed),
or on a recording the new spec refuses. Exit codes: 0 nothing to act on, 1 breaking or refused, 2 usage error.`;

const usage = (message: string) => err(kitError('USAGE', message, { hint: 'Valid flags: --base REF|FILE, --spec FILE, --recordings PATH, --decisions FILE, --accept-breaking, --report json=PATH, --report md=PATH, --help.' }));

export function parseSpecDiffArgs(argv: readonly string[]): Result<SpecDiffArgs> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        base: { type: 'string' }, spec: { type: 'string' }, recordings: { type: 'string', multiple: true }, decisions: { type: 'string' },
        'accept-breaking': { type: 'boolean' }, report: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    return usage((cause as Error).message);
  }
  const reports = values.report ?? [];
  const bad = reports.find((r) => !/^(json|md)=.+/.test(r));
  if (bad !== undefined) return usage(`--report "${bad}" is not supported; use --report json=PATH or --report md=PATH.`);
  const report = (kind: 'json' | 'md') => reports.find((r) => r.startsWith(`${kind}=`))?.slice(kind.length + 1) ?? SPEC_DIFF_DEFAULTS[kind];
  return ok({
    base: values.base ?? SPEC_DIFF_DEFAULTS.base,
    spec: values.spec ?? SPEC_PATH,
    recordings: values.recordings ?? [SPEC_DIFF_DEFAULTS.recordings],
    recordingsGiven: values.recordings !== undefined,
    decisions: values.decisions,
    acceptBreaking: values['accept-breaking'] ?? false,
    json: report('json'),
    md: report('md'),
    help: values.help ?? false,
  });
}
