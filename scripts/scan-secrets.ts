// npm run scan:secrets — fail (exit 1) when a file git would commit holds something that looks like a real API key.
import { scanMain } from '../src/secrets/main.ts';

process.exitCode = scanMain(process.argv.slice(2), { env: process.env, cwd: process.cwd() });
