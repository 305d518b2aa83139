// `npm run postman`: a Postman collection of openapi/wupex.yaml in build/postman/, with {{baseUrl}} and an empty {{apiKey}}.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { EXIT, createReporter, parseFlags } from '../src/cli/flags.ts';
import { buildPostmanCollection, POSTMAN_DEFAULTS } from '../src/publish/postman.ts';

const HELP = 'Usage: npm run postman [-- --out <file>]   default build/postman/wupex.postman_collection.json';

async function main(argv: string[]): Promise<number> {
  const reporter = createReporter({ secrets: [] });
  const flags = parseFlags(argv, { out: { type: 'string' }, help: { type: 'boolean' } });
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  if (flags.value.help) return (reporter.line(HELP), EXIT.ok);
  const built = await buildPostmanCollection();
  if (!built.ok) return (reporter.error(built.error), EXIT.findings);
  const file = flags.value.out ? resolve(flags.value.out) : POSTMAN_DEFAULTS.outFile;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(built.value, null, 2)}\n`);
  reporter.info(`Postman collection written to ${relative(process.cwd(), file)}. Import it, then set apiKey in a Postman environment.`);
  return EXIT.ok;
}

process.exitCode = await main(process.argv.slice(2));
