// When adopt changes the code sent with a status (codesByStatus, #23/D4), the example files of the responses documented
// for that status carry the new code too: plain Prism answers from them, and a reader learns the code from them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isObject } from '../contract/checks/lib/text.ts';
import { followLocalRef } from '../spec/local-ref.ts';
import { readSpecFile } from '../spec/spec.ts';

type Json = Record<string, unknown>;

/** The example files (absolute paths) of every response the spec documents for `status`. */
function exampleFilesFor(specPath: string, doc: Json, status: string): Set<string> {
  const files = new Set<string>();
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    for (const operation of Object.values(isObject(item) ? item : {})) {
      const responses = isObject(operation) ? operation.responses : undefined;
      const response = followLocalRef(doc, isObject(responses) ? responses[status] : undefined);
      const content = isObject(response) && isObject(response.content) ? response.content : {};
      for (const media of Object.values(content)) {
        const examples = isObject(media) && isObject(media.examples) ? media.examples : {};
        for (const example of Object.values(examples)) {
          const ref = isObject(example) ? example.$ref : undefined;
          if (typeof ref === 'string' && !ref.startsWith('#')) files.add(resolve(dirname(specPath), ref));
        }
      }
    }
  }
  return files;
}

/**
 * For each status whose code changes (`from` -> `to`), the example files of its responses that show `from`, rewritten
 * with `to`: path -> new text, and one sentence each. An example with another code (a decided refusal's) is left alone.
 */
export function retargetExamples(specPath: string, changes: readonly { status: string; from: string; to: string }[]): { files: Map<string, string>; changed: string[] } {
  const doc = readSpecFile(specPath) as Json;
  const files = new Map<string, string>();
  const changed: string[] = [];
  for (const { status, from, to } of changes) {
    for (const file of exampleFilesFor(specPath, doc, status)) {
      const example = JSON.parse(files.get(file) ?? readFileSync(file, 'utf8')) as { value?: { error?: { code?: unknown } } };
      if (example.value?.error?.code !== from) continue;
      example.value.error.code = to;
      files.set(file, `${JSON.stringify(example, null, 2)}\n`);
      changed.push(`${file.slice(dirname(specPath).length + 1)}: error.code ${from} -> ${to} (codesByStatus.${status})`);
    }
  }
  return { files, changed };
}
