// `npm run postman` writes a collection with {{baseUrl}}, an EMPTY apiKey variable, x-api-key: {{apiKey}} and Accept-Language.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listOperations, loadSpec } from '../../../src/spec/spec.ts';

interface Header { key: string; value: string }
interface PostmanRequest { method: string; url: { host: string[]; path: string[]; query?: Array<{ key: string; value: string }> }; header: Header[]; auth?: unknown }
interface Item { name: string; request?: PostmanRequest; item?: Item[]; response?: Array<{ originalRequest?: PostmanRequest }> }

const dir = mkdtempSync(join(tmpdir(), 'wupex-postman-'));
const file = join(dir, 'collection.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function requests(items: Item[]): Array<{ name: string; request: PostmanRequest; examples: PostmanRequest[] }> {
  return items.flatMap((item) => [
    ...(item.request ? [{ name: item.name, request: item.request, examples: (item.response ?? []).flatMap((r) => (r.originalRequest ? [r.originalRequest] : [])) }] : []),
    ...requests(item.item ?? []),
  ]);
}

// A distinctive fake key, to prove it never reaches the collection.
const KEY = 'postman-test-key-3f9c1d7e'; // scan-secrets: allow

describe('postman', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/postman.ts', '--out', file], {
    encoding: 'utf8',
    env: { ...process.env, WUPEX_API_KEY: KEY },
  });
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { variable: Array<{ key: string; value: string }>; item: Item[]; auth?: unknown };
  const all = requests(collection.item);

  test('exits 0 and says where the file is', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`[wupex-kit] Postman collection written to`);
  });

  test('has baseUrl and an empty apiKey as collection variables, and no key anywhere', () => {
    const variables = Object.fromEntries(collection.variable.map((v) => [v.key, v.value]));
    expect(variables).toEqual({ baseUrl: 'http://127.0.0.1:4010', apiKey: '' });
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
    expect(collection.auth).toBeUndefined();
  });

  test('holds all five operations, each on {{baseUrl}}', () => {
    const seen = all.map(({ request }) => `${request.method} /${request.url.path.join('/')}`).sort();
    expect(seen).toEqual(listOperations(loadSpec()).map((o) => o.label).sort());
    for (const { request } of all) expect(request.url.host).toEqual(['{{baseUrl}}']);
  });

  test('every request and example sends x-api-key: {{apiKey}} and Accept-Language: en-US, with no auth helper', () => {
    for (const { request, examples } of all) {
      for (const r of [request, ...examples]) {
        expect(r.header).toEqual(expect.arrayContaining([
          expect.objectContaining({ key: 'x-api-key', value: '{{apiKey}}' }),
          expect.objectContaining({ key: 'Accept-Language', value: 'en-US' }),
        ]));
        expect(r.auth).toBeUndefined();
        expect(JSON.stringify(r.url)).not.toMatch(/api[-_]?key/i);
      }
    }
  });

  test('names requests after the spec summaries', () => {
    expect(all.map((r) => r.name).sort()).toEqual(listOperations(loadSpec()).map((o) => o.operation.summary).sort());
  });
});
