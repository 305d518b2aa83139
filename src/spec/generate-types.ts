// Generates the TypeScript types of openapi/wupex.yaml with openapi-typescript; the client is typed by its output.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { SPEC_PATH } from './spec.ts';

/** The committed output; a unit test regenerates in memory and fails when this file is stale. */
export const GENERATED_TYPES_PATH = resolve(SPEC_PATH, '../generated/wupex.ts');

const HEADER = [
  '// GENERATED from openapi/wupex.yaml by `npm run gen:types` (openapi-typescript). Do not edit by hand.',
  '',
].join('\n');

/**
 * The file's full text. `defaultNonNullable: false` keeps request fields that merely have a default
 * (orderColumn, order, page, pageSize) optional, as the spec means them to be.
 */
export async function generateTypes(specPath: string = SPEC_PATH): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { silent: true, defaultNonNullable: false });
  return `${HEADER}${astToString(ast)}`;
}
