// `npm run gen:types`: regenerate openapi/generated/wupex.ts from the spec (commit the result).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { EXIT, createReporter, optionsOrExit, parseFlags } from '../src/cli/flags.ts';
import { GENERATED_TYPES_PATH, generateTypes } from '../src/spec/generate-types.ts';

const USAGE = `Usage: npm run gen:types

Regenerates openapi/generated/wupex.ts from openapi/wupex.yaml (openapi-typescript); commit the result.
Fails (exit 1, nothing written) when openapi-typescript warns. A test fails when the committed file is stale. Flags: --help.`;

const reporter = createReporter({ secrets: [] });
const parsed = parseFlags(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } });
optionsOrExit(parsed.ok ? { ok: true, value: { help: parsed.value.help ?? false } } : parsed, reporter, USAGE);
const generated = await generateTypes();
if (generated.ok) {
  writeFileSync(GENERATED_TYPES_PATH, generated.value);
  reporter.info(`wrote ${relative(process.cwd(), GENERATED_TYPES_PATH)} (${generated.value.split('\n').length} lines)`);
  process.exitCode = EXIT.ok;
} else {
  reporter.error(generated.error);
  process.exitCode = EXIT.findings;
}
