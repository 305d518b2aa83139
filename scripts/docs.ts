// `npm run docs`: a static, self-contained HTML reference of openapi/wupex.yaml (Redocly build-docs) in build/docs/.
import { relative, resolve } from 'node:path';
import { EXIT, createReporter, parseFlags } from '../src/cli/flags.ts';
import { buildDocs } from '../src/publish/docs.ts';

const HELP = 'Usage: npm run docs [-- --out <dir>]   builds <dir>/index.html (default build/docs)';

async function main(argv: string[]): Promise<number> {
  const reporter = createReporter({ secrets: [] });
  const flags = parseFlags(argv, { out: { type: 'string' }, help: { type: 'boolean' } });
  if (!flags.ok) return (reporter.error(flags.error), EXIT.usage);
  if (flags.value.help) return (reporter.line(HELP), EXIT.ok);
  const built = await buildDocs(flags.value.out ? resolve(flags.value.out) : undefined);
  if (!built.ok) return (reporter.error(built.error), EXIT.findings);
  reporter.info(`API reference written to ${relative(process.cwd(), built.value)}; open it in a browser (works offline).`);
  return EXIT.ok;
}

process.exitCode = await main(process.argv.slice(2));
