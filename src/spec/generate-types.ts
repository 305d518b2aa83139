// Generates the TypeScript types of openapi/wupex.yaml with openapi-typescript; the client is typed by its output.
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import type { Result } from '../core/result.ts';
import { SPEC_PATH } from './spec.ts';

/** The committed output; a unit test regenerates in memory and fails when this file is stale. */
export const GENERATED_TYPES_PATH = resolve(SPEC_PATH, '../generated/wupex.ts');

const HEADER = [
  '// GENERATED from openapi/wupex.yaml by `npm run gen:types` (openapi-typescript). Do not edit by hand.',
  '',
].join('\n');

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Run openapi-typescript and collect what it warns about. It reports warnings (renamed components, lint problems)
 * only through console.warn, so that is captured for the duration of the call and restored after.
 */
async function generateCollectingWarnings(specPath: string): Promise<{ text: string; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' ').replace(ANSI, '').replace(/^\s*⚠\s*/, '').trim());
  };
  try {
    const ast = await openapiTS(pathToFileURL(specPath), { silent: false, defaultNonNullable: false });
    return { text: `${HEADER}${astToString(ast)}`, warnings };
  } finally {
    console.warn = original;
  }
}

/**
 * The file's full text, or GEN_TYPES_WARNINGS when openapi-typescript warned: a warning means the generated types
 * differ from the spec as written (for example a renamed component), so it fails the command rather than hiding.
 * `defaultNonNullable: false` keeps request fields that merely have a default (orderColumn, order, page, pageSize)
 * optional, as the spec means them to be.
 */
export async function generateTypes(specPath: string = SPEC_PATH): Promise<Result<string>> {
  const { text, warnings } = await generateCollectingWarnings(specPath);
  if (warnings.length === 0) return { ok: true, value: text };
  const where = relative(process.cwd(), specPath) || specPath;
  return {
    ok: false,
    error: {
      code: 'GEN_TYPES_WARNINGS',
      message: `openapi-typescript warned ${warnings.length} time(s) on ${where}; expected no warnings, so nothing was written:\n${warnings.map((w) => `  - ${w}`).join('\n')}`,
      hint: 'Fix the spec where each warning points (for example give every file under openapi/examples a unique name), then run `npm run gen:types` again.',
    },
  };
}
