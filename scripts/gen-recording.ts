// npm run gen:recording: regenerates tests/recordings/twin-reference.har: the sample traffic through the proxy to the twin, reproducible (--seed).
import { resolve } from 'node:path';
import { createReporter, EXIT, integerFlag, optionsOrExit, parseFlags } from '../src/cli/flags.ts';
import { ok } from '../src/core/result.ts';
import { createProxy } from '../src/proxy/proxy-server.ts';
import { sendSampleTraffic } from '../src/proxy/sample-traffic.ts';

const RECORDING = { dir: resolve(import.meta.dirname, '../tests/recordings'), fileName: 'twin-reference.har', epoch: Date.UTC(2026, 0, 1) } as const;
const HELP = 'Usage: npm run gen:recording [-- --seed N]   rewrites tests/recordings/twin-reference.har (same seed, same file)';

const reporter = createReporter({ secrets: [] });
const flags = parseFlags(process.argv.slice(2), { seed: { type: 'string' }, help: { type: 'boolean' } });
const parsed = flags.ok ? integerFlag('seed', flags.value.seed, { min: 0, max: 2 ** 32 - 1, fallback: 1 }) : flags;
const seed = optionsOrExit(parsed.ok ? ok({ seed: parsed.value, help: flags.ok && flags.value.help === true }) : parsed, reporter, HELP).seed;

// A fixed clock for the twin's order dates and for each entry's start time: the file depends only on the seed.
let tick = 0;
const built = await createProxy({
  upstream: 'mock',
  log: () => undefined,
  twin: { seed, fixedNowMs: RECORDING.epoch },
  record: { dir: RECORDING.dir, fileName: RECORDING.fileName, clock: () => new Date(RECORDING.epoch + (tick += 1000)), dropResponseHeaders: ['date'], zeroTimings: true, comment: `npm run gen:recording -- --seed ${seed}: the sample traffic through npm run proxy -- --upstream mock` },
});
if (!built.ok) {
  reporter.error(built.error);
  process.exit(EXIT.usage);
}
const address = await built.value.listen(0, '127.0.0.1');
const answers = await sendSampleTraffic(address.url);
const closed = await built.value.close();
if (!closed.ok) {
  reporter.error(closed.error);
  process.exit(EXIT.findings);
}
const unexpected = answers.filter((a) => a.status !== a.step.expect);
for (const a of unexpected) reporter.info(`${a.step.name}: HTTP ${a.status}, expected ${a.step.expect}`);
reporter.line(`Wrote ${built.value.recordingPath} (${answers.length} exchanges, seed ${seed}).`);
process.exit(unexpected.length ? EXIT.findings : EXIT.ok);
