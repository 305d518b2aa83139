// `npm run gen:types`: regenerate openapi/generated/wupex.ts from the spec (commit the result).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { EXIT, createReporter } from './lib/cli.ts';
import { GENERATED_TYPES_PATH, generateTypes } from './client/generate-types.ts';

const reporter = createReporter({ secrets: [] });
const text = await generateTypes();
writeFileSync(GENERATED_TYPES_PATH, text);
reporter.info(`wrote ${relative(process.cwd(), GENERATED_TYPES_PATH)} (${text.split('\n').length} lines)`);
process.exitCode = EXIT.ok;
