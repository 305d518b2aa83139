// npm run gen:recording: regenerates tests/recordings/twin-reference.har: the sample traffic through the proxy to the twin, reproducible (--seed).
import { createReporter, EXIT, integerFlag, optionsOrExit, parseFlags } from '../src/cli/flags.ts';
import { ok } from '../src/core/result.ts';
import { REFERENCE_RECORDING, writeReferenceRecording } from '../src/proxy/reference-recording.ts';

const HELP = 'Usage: npm run gen:recording [-- --seed N]   rewrites tests/recordings/twin-reference.har (same seed, same file)';

const reporter = createReporter({ secrets: [] });
const flags = parseFlags(process.argv.slice(2), { seed: { type: 'string' }, help: { type: 'boolean' } });
const parsed = flags.ok ? integerFlag('seed', flags.value.seed, { min: 0, max: 2 ** 32 - 1, fallback: REFERENCE_RECORDING.seed }) : flags;
const seed = optionsOrExit(parsed.ok ? ok({ seed: parsed.value, help: flags.ok && flags.value.help === true }) : parsed, reporter, HELP).seed;

const written = await writeReferenceRecording(seed);
if (!written.ok) {
  reporter.error(written.error);
  process.exit(EXIT.usage);
}
for (const a of written.value.unexpected) reporter.info(`${a.step.name}: HTTP ${a.status}, expected ${a.step.expect}`);
reporter.line(`Wrote ${written.value.path} (${written.value.answers.length} exchanges, seed ${seed}).`);
process.exit(written.value.unexpected.length ? EXIT.findings : EXIT.ok);
