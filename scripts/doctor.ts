// `npm run doctor`: checks the toolchain, dependencies, spec, configuration and network, and says what to fix.
import { parseArgs } from 'node:util';
import { EXIT, createReporter } from './lib/cli.ts';
import { createDoctorContext } from './lib/doctor/doctor-context.ts';
import { DOCTOR_CHECKS } from './lib/doctor/index.ts';
import { runDoctor } from './lib/doctor/run-doctor.ts';
import { kitError } from './lib/result.ts';

const HELP = `Usage: npm run doctor [-- --offline]
One line per check: ok | warn | FAIL <check>: <what>, then the fix. Exit 1 when something FAILs.
  --offline   do not probe the WUPEX sandbox over the network (the loopback twin is still checked)`;

async function main(argv: string[]): Promise<number> {
  const context = createDoctorContext();
  const reporter = createReporter({ secrets: [context.env.WUPEX_API_KEY] });
  let values: { offline?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { offline: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (cause) {
    reporter.error(kitError('USAGE', (cause as Error).message, { hint: 'Valid flags: --offline, --help.', cause }));
    return EXIT.usage;
  }
  if (values.help) return (reporter.line(HELP), EXIT.ok);
  const report = await runDoctor(DOCTOR_CHECKS, { ...context, offline: values.offline ?? false }, reporter.line);
  return report.exitCode;
}

process.exitCode = await main(process.argv.slice(2));
