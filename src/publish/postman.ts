// Converts openapi/wupex.yaml to a Postman collection (openapi-to-postmanv2) with {{baseUrl}} and an empty {{apiKey}} (behind `npm run postman`).
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { resolve } from 'node:path';
import { convertV2 } from 'openapi-to-postmanv2';
import { TWIN_URL } from '../http/base-url.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { loadSpec, type Document } from '../spec/spec.ts';

const ROOT = PACKAGE_ROOT;

export const POSTMAN_DEFAULTS = {
  outFile: resolve(ROOT, 'build/postman/wupex.postman_collection.json'),
  /** The twin, like every other kit default: loopback, so plain http never carries a key off the machine. */
  baseUrl: TWIN_URL,
  acceptLanguage: 'en-US',
} as const;

type Json = Record<string, unknown>;
interface Header { key: string; value: string; description?: unknown; disabled?: boolean }

/** Every request object in the tree, including each example response's originalRequest. */
function* requestsOf(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const child of node) yield* requestsOf(child);
  if (!node || typeof node !== 'object') return;
  const record = node as Json;
  for (const key of ['request', 'originalRequest']) {
    if (record[key] && typeof record[key] === 'object') yield record[key] as Json;
  }
  for (const key of ['item', 'response']) if (record[key]) yield* requestsOf(record[key]);
}

/** Ids are random per run; dropping them makes the output reproducible (Postman assigns new ones on import). */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key]) => key !== 'id' && key !== '_postman_id');
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutIds(value)]));
}

/** The key goes in an explicit `x-api-key: {{apiKey}}` header on every request (S2), never in auth helpers or URLs. */
function fixHeaders(request: Json): void {
  const kept = ((request.header as Header[] | undefined) ?? []).filter((h) => !/^(x-api-key|accept-language)$/i.test(h.key));
  request.header = [
    { key: 'x-api-key', value: '{{apiKey}}', description: 'Your WUPEX key for the environment {{baseUrl}} points at (S2).' },
    { key: 'Accept-Language', value: POSTMAN_DEFAULTS.acceptLanguage },
    ...kept,
  ];
  delete request.auth;
}

/** The converter's output, made safe: collection variables baseUrl and an EMPTY apiKey, headers fixed, ids dropped. */
export function finishCollection(raw: Json, doc: Document): Json {
  const collection = withoutIds(raw) as Json;
  for (const request of requestsOf(collection.item)) fixHeaders(request);
  delete collection.auth;
  const servers = (doc.servers ?? []).map((s) => s.url).join(', ');
  collection.variable = [
    { key: 'baseUrl', value: POSTMAN_DEFAULTS.baseUrl, type: 'string', description: `Where requests go. Known servers: ${servers}.` },
    { key: 'apiKey', value: '', type: 'string', description: 'Set your key in a Postman environment (type secret); never commit it here.' },
  ];
  return collection;
}

/** Convert the spec (all $refs inlined) and finish it; a converter failure comes back as POSTMAN_CONVERT_FAILED. */
export function buildPostmanCollection(doc: Document = loadSpec()): Promise<Result<Json>> {
  const options = { folderStrategy: 'Tags', parametersResolution: 'Example', includeAuthInfoInExample: false } as const;
  return new Promise((done) => {
    convertV2({ type: 'json', data: doc }, options, (failure, result) => {
      const data = result?.output?.[0]?.data as Json | undefined;
      if (failure || !result?.result || !data) {
        const reason = failure?.message ?? result?.reason ?? 'no collection in the output';
        done(err(kitError('POSTMAN_CONVERT_FAILED', `openapi-to-postmanv2 could not convert openapi/wupex.yaml: ${reason}`, {
          hint: 'Run `npm run lint:spec`; a spec that lints converts.',
        })));
        return;
      }
      done(ok(finishCollection(data, doc)));
    });
  });
}
