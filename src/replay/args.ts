// Flags of `npm run replay`: recording paths (files or folders), --spec, --report; parsed once.
import { parseArgs } from 'node:util';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { SPEC_PATH } from '../spec/spec.ts';

export interface ReplayArgs {
  paths: string[];
  spec: string;
  junit?: string;
  json?: string;
  /** --propose FILE: what the recorded target decided differently, with evidence, for `npm run adopt`. */
  propose?: string;
  /** --decisions FILE: the decisions the proposal compares with (default: decisions.yaml beside the spec, else the kit's). */
  decisions?: string;
  help: boolean;
}

export const REPLAY_HELP = `Usage: npm run replay -- PATH... [options]

  PATH                  .har files, or folders searched for them (recursively)
  --spec PATH           the spec to judge against (default openapi/wupex.yaml)
  --report junit=PATH   also write a JUnit XML report
  --report json=PATH    also write a JSON report: findings with their basis (decision rows, guide sources)
  --propose FILE        also write a proposal: each decided point where the recorded server differed from the
                        decisions, with evidence, and undocumented response fields (then: npm run adopt -- FILE)
  --decisions FILE      the decisions to compare with (default decisions.yaml beside the spec)

Runs every pure exchange check of the catalogue on every recorded exchange, offline, and groups the drift by the
DECISIONS.md rows and guide sources it rests on (read beside the spec).
Exit codes: 0 no failure, 1 a check failed, 2 usage error (no recording, not HAR, bad spec).`;

const usage = (message: string) => err(kitError('USAGE', message, { hint: 'Valid flags: --spec PATH, --report junit=PATH, --report json=PATH, --propose FILE, --decisions FILE, --help; then one or more recording paths.' }));

export function parseReplayArgs(argv: readonly string[]): Result<ReplayArgs> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { spec: { type: 'string' }, propose: { type: 'string' }, decisions: { type: 'string' }, report: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } });
  } catch (cause) {
    return usage((cause as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return ok({ paths: [], spec: SPEC_PATH, help: true });
  if (positionals.length === 0) return usage('Give at least one recording: npm run replay -- tests/recordings.');
  const reports = values.report ?? [];
  const bad = reports.find((r) => !/^(junit|json)=.+/.test(r));
  if (bad !== undefined) return usage(`--report "${bad}" is not supported; use --report junit=PATH or --report json=PATH.`);
  const path = (kind: string) => reports.find((r) => r.startsWith(`${kind}=`))?.slice(kind.length + 1);
  return ok({ paths: positionals, spec: values.spec ?? SPEC_PATH, junit: path('junit'), json: path('json'), propose: values.propose, decisions: values.decisions, help: false });
}
