// npm run verify: run the check catalogue against one target, print each check's lines as it finishes, then the
// count and the two closing sections; write the requested reports whatever the outcome; exit 0/1/2/3.
import { verifyMain } from '../src/contract/verify/main.ts';

process.exitCode = await verifyMain(process.argv.slice(2), { env: process.env, cwd: process.cwd() });
