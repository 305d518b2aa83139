// The scan:secrets command as a function (argv + io in, exit code out), so tests run it in-process; scripts/scan-secrets.ts is its entry.
import { createReporter, EXIT, parseFlags, type CommandIo } from '../cli/flags.ts';
import { kitError } from '../core/result.ts';
import { scanRepo } from './scan-repo.ts';
import { ALLOW_MARKER } from './scan-text.ts';

const HELP = `Usage: npm run scan:secrets [-- --cwd <dir>]

Scans every file git tracks, plus untracked files that are not ignored, for values that look like
real API keys (x-api-key, *_API_KEY, apiKey fields, Bearer tokens, private keys). Values are never
printed. The twin's demo keys and placeholders (YOUR_API_KEY, $WUPEX_API_KEY, <...>) are allowed;
mark a deliberate fake on its line with "${ALLOW_MARKER}".

Options:
  --cwd <dir>  repository to scan (default: current directory)
  --help       show this help

Exit codes: 0 nothing found, 1 suspected secrets, 2 usage error.`;

/** Parse argv, scan the repository, print findings (values withheld); returns the exit code (0/1/2). */
export function scanMain(argv: string[], io: CommandIo): number {
  const reporter = createReporter({ secrets: [io.env.WUPEX_API_KEY], out: io.out, err: io.err });
  const flags = parseFlags(argv, { cwd: { type: 'string' }, help: { type: 'boolean' } });
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  if (flags.value.help) return (reporter.line(HELP), EXIT.ok);
  const scanned = scanRepo({ cwd: flags.value.cwd ?? io.cwd });
  if (!scanned.ok) {
    reporter.error(scanned.error);
    return EXIT.usage;
  }
  const { findings, filesScanned } = scanned.value;
  for (const f of findings) {
    reporter.error(
      kitError('SECRET_FOUND', `${f.file}:${f.line}: ${f.ruleId} (${f.title}); value withheld, ${f.fingerprint}.`, {
        hint: `Move the key to .env (git-ignored) or the environment; if it is a deliberate fake, add "${ALLOW_MARKER}" on that line.`,
      }),
    );
  }
  if (findings.length > 0) {
    reporter.info(`scan-secrets: ${findings.length} suspected secret(s) in ${filesScanned} files.`);
    return EXIT.findings;
  }
  reporter.info(`scan-secrets: no secrets in ${filesScanned} files.`);
  return EXIT.ok;
}
