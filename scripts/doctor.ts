// `npm run doctor`: checks the toolchain, dependencies, spec, configuration and network, and says what to fix.
import { EXIT, createReporter, parseFlags } from './lib/cli.ts';
import { createDoctorContext } from './lib/doctor/doctor-context.ts';
import { DOCTOR_CHECKS } from './lib/doctor/index.ts';
import { runDoctor } from './lib/doctor/run-doctor.ts';

const HELP = `Usage: npm run doctor [-- --offline]
One line per check: ok | warn | FAIL <check>: <what>, then the fix. Exit 1 when something FAILs.
  --offline   do not probe the WUPEX sandbox over the network (the loopback twin is still checked)`;

async function main(argv: string[]): Promise<number> {
  const context = createDoctorContext();
  const reporter = createReporter({ secrets: [context.env.WUPEX_API_KEY] });
  const flags = parseFlags(argv, { offline: { type: 'boolean' }, help: { type: 'boolean' } });
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  if (flags.value.help) return (reporter.line(HELP), EXIT.ok);
  const report = await runDoctor(DOCTOR_CHECKS, { ...context, offline: flags.value.offline ?? false }, reporter.line);
  return report.exitCode;
}

process.exitCode = await main(process.argv.slice(2));
