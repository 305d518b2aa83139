// The adopt command as a function (argv + reporter in, exit code out): parse, adopt, say what changed and what to run next.
import { parseArgs } from 'node:util';
import { EXIT, type Reporter } from '../cli/flags.ts';
import { adopt, type AdoptResult } from './adopt.ts';

export const ADOPT_HELP = `Usage: npm run adopt -- PROPOSAL [--dry-run] [--spec openapi/wupex.yaml]

  PROPOSAL      the file written by npm run verify -- ... --propose FILE (or npm run replay -- ... --propose FILE)
  --dry-run     print what would change; write nothing
  --spec PATH   the spec to adopt into (default openapi/wupex.yaml); decisions.yaml, DECISIONS.md and
                generated/wupex.ts beside it change with it

Applies each decision change (decisions.yaml), aligns the spec with it (statuses, new error codes in ErrorCode and its
status map, responses with examples for new statuses, order limits), adds undocumented response
fields as optional properties, writes the evidence into the DECISIONS.md rows, regenerates the client's types and, in the
kit's own repository, re-bundles dist/openapi/ and re-records tests/recordings/twin-reference.har from the adopted twin.
Idempotent (an adopted proposal changes nothing); a proposal made against files that have changed since is refused.
Points that contradict the vendor's guide ("needs a human") are never adopted.
Exit codes: 0 adopted (or nothing to do), 2 usage error or refused (nothing written).`;

function print(result: AdoptResult, dryRun: boolean, reporter: Reporter): void {
  const section = (title: string, lines: string[]) => {
    if (!lines.length) return;
    reporter.line(title);
    for (const line of lines) reporter.line(`  ${line}`);
  };
  section('decisions.yaml:', result.decisions);
  section('spec:', result.spec);
  section('new optional fields:', result.fields);
  const count = (c: string) => result.classification.filter((x) => x.class === c).length;
  reporter.line(`For a client (api-smart-diff): ${count('breaking')} breaking, ${count('non-breaking')} non-breaking, ${count('annotation')} annotation`);
  for (const change of result.classification.filter((c) => c.class === 'breaking')) reporter.line(`  breaking ${change.id}: ${change.description}`);
  if (dryRun) return reporter.line('Dry run: nothing was written.');
  reporter.line(`Written: ${result.written.join(', ')}`);
  if (result.bundle?.length) reporter.line(`Re-bundled: ${result.bundle.join(', ')} (as npm run build writes them)`);
  if (result.recording) reporter.line(`Re-recorded: ${result.recording} (the sample traffic through the adopted twin, as npm run gen:recording makes it)`);
  reporter.line('Next: review `git diff openapi/`, run npm run build (the bundled spec), npm run lint:spec and npm test (the twin now answers as adopted), then commit.');
}

export async function adoptCommand(argv: readonly string[], reporter: Reporter): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { 'dry-run': { type: 'boolean' }, spec: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (cause) {
    reporter.error({ code: 'USAGE', message: (cause as Error).message, hint: 'npm run adopt -- PROPOSAL [--dry-run] [--spec PATH]' });
    return EXIT.usage;
  }
  if (parsed.values.help) {
    reporter.line(ADOPT_HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) {
    reporter.error({ code: 'USAGE', message: `Give exactly one proposal file (got ${parsed.positionals.length}).`, hint: 'npm run verify -- --base-url URL --propose proposal.json writes one; then npm run adopt -- proposal.json.' });
    return EXIT.usage;
  }
  const dryRun = parsed.values['dry-run'] === true;
  const result = await adopt({ proposal: parsed.positionals[0]!, spec: parsed.values.spec, dryRun });
  if (!result.ok) {
    reporter.error(result.error);
    return EXIT.usage;
  }
  if (result.value.nothingToDo) {
    reporter.line(`Nothing to adopt: every change in ${parsed.positionals[0]} is already in decisions.yaml and the spec.`);
    return EXIT.ok;
  }
  print(result.value, dryRun, reporter);
  return EXIT.ok;
}
