// npm run scan:secrets — fail (exit 1) when a file git would commit holds something that looks like a real API key.
import { createReporter, EXIT, parseFlags } from './lib/cli.ts';
import { kitError } from './lib/result.ts';
import { scanRepo } from './lib/secrets/scan-repo.ts';
import { ALLOW_MARKER } from './lib/secrets/scan-text.ts';

const HELP = `Usage: npm run scan:secrets [-- --cwd <dir>]

Scans every file git tracks, plus untracked files that are not ignored, for values that look like
real API keys (x-api-key, *_API_KEY, apiKey fields, Bearer tokens, private keys). Values are never
printed. The twin's demo keys and placeholders (YOUR_API_KEY, $WUPEX_API_KEY, <...>) are allowed;
mark a deliberate fake on its line with "${ALLOW_MARKER}".

Options:
  --cwd <dir>  repository to scan (default: current directory)
  --help       show this help

Exit codes: 0 nothing found, 1 suspected secrets, 2 usage error.`;

function main(argv: string[]): number {
  const reporter = createReporter({ secrets: [process.env.WUPEX_API_KEY] });
  const flags = parseFlags(argv, { cwd: { type: 'string' }, help: { type: 'boolean' } });
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  if (flags.value.help) return (reporter.line(HELP), EXIT.ok);
  const scanned = scanRepo({ cwd: flags.value.cwd ?? process.cwd() });
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

process.exitCode = main(process.argv.slice(2));
