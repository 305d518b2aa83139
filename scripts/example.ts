// `npm run example`: the typed client end to end (products, an order, its codes, the balance), against the twin by default.
import { exampleMain } from '../src/client/example-main.ts';

process.exitCode = await exampleMain(process.argv.slice(2), { env: process.env, cwd: process.cwd() });
