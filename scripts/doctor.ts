// `npm run doctor`: checks the toolchain, dependencies, spec, configuration and network, and says what to fix.
import { createDoctorContext } from '../src/doctor/doctor-context.ts';
import { doctorMain } from '../src/doctor/main.ts';

process.exitCode = await doctorMain(process.argv.slice(2), createDoctorContext());
