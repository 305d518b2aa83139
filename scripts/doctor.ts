// `npm run doctor`: checks the toolchain, dependencies, spec, configuration and network, and says what to fix.
import { createDoctorContext } from './lib/doctor/doctor-context.ts';
import { doctorMain } from './lib/doctor/main.ts';

process.exitCode = await doctorMain(process.argv.slice(2), createDoctorContext());
