// The doctor command as a function (argv + context in, exit code out), so tests run it in-process; scripts/doctor.ts is its entry.
import { EXIT, createReporter, parseFlags } from '../cli/flags.ts';
import type { DoctorContext } from './doctor-check.ts';
import { DOCTOR_CHECKS } from './index.ts';
import { runDoctor } from './run-doctor.ts';

const HELP = `Usage: npm run doctor [-- --offline]
One line per check: ok | warn | FAIL <check>: <what>, then the fix. Exit 1 when something FAILs.
  --offline   do not probe the WUPEX sandbox over the network (the loopback twin is still checked)`;

/** Where doctorMain writes; the entry passes nothing (the process's stdout/stderr). */
export interface DoctorIo {
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Parse argv, run every doctor check with `context`, print one line per check; returns the exit code (0/1/2). */
export async function doctorMain(argv: string[], context: DoctorContext, io: DoctorIo = {}): Promise<number> {
  const reporter = createReporter({ secrets: [context.env.WUPEX_API_KEY], out: io.out, err: io.err });
  const flags = parseFlags(argv, { offline: { type: 'boolean' }, help: { type: 'boolean' } });
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  if (flags.value.help) return (reporter.line(HELP), EXIT.ok);
  const report = await runDoctor(DOCTOR_CHECKS, { ...context, offline: flags.value.offline ?? false }, reporter.line);
  return report.exitCode;
}
