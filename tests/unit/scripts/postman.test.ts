// `npm run postman` writes the contract suite and two environments: every operation, {{baseUrl}}, the key only as an empty secret.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { POSTMAN_DEFAULTS } from '../../../src/publish/postman-command.ts';
import { suiteItems, type PostmanItem } from '../../../src/publish/postman-suite.ts';
import { listOperations, loadSpec } from '../../../src/spec/spec.ts';
import { scriptEntry } from '../../support/run-script.ts';

interface Header { key: string; value: string }
interface Request { method: string; url: { host: string[]; path: string[]; raw: string }; header: Header[]; auth?: unknown }
interface Environment { name: string; values: { key: string; value: string; type: string }[] }

const dir = mkdtempSync(join(tmpdir(), 'wupex-postman-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A distinctive fake key, to prove it never reaches a file.
const KEY = 'postman-test-key-3f9c1d7e'; // scan-secrets: allow

describe('npm run postman', () => {
  const run = spawnSync(process.execPath, [...scriptEntry('postman'), '--out', dir], { encoding: 'utf8', env: { ...process.env, WUPEX_API_KEY: KEY } });
  const read = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const files = POSTMAN_DEFAULTS.files;
  const collection = read<{ item: PostmanItem[]; variable: Header[]; auth?: unknown }>(files.collection);
  const all = suiteItems(collection);
  const request = (i: PostmanItem) => i.request as unknown as Request;

  test('exits 0 and says where the files are', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('[wupex-kit] Postman contract suite and environments written to');
  });

  test('no key anywhere; apiKey is an empty collection variable and an empty secret in both environments', () => {
    for (const name of Object.values(files)) expect(readFileSync(join(dir, name), 'utf8')).not.toContain(KEY);
    expect(Object.fromEntries(collection.variable.map((v) => [v.key, v.value]))).toMatchObject({ baseUrl: 'http://127.0.0.1:4010', apiKey: '' });
    for (const name of [files.twin, files.sandbox]) {
      const env = read<Environment>(name);
      expect(env.values.find((v) => v.key === 'apiKey')).toEqual({ key: 'apiKey', value: '', type: 'secret', enabled: true });
    }
    expect(read<Environment>(files.sandbox).values.find((v) => v.key === 'baseUrl')?.value).toBe('https://sandbox-service.wupex.com');
    expect(collection.auth).toBeUndefined();
  });

  test('covers every operation of the spec, each on {{baseUrl}}', () => {
    const seen = new Set(all.map(({ item }) => `${request(item).method} /${request(item).url.path.join('/')}`));
    expect([...seen].sort()).toEqual(listOperations(loadSpec()).map((o) => o.label).sort());
    for (const { item } of all) expect(request(item).url.host).toEqual(['{{baseUrl}}']);
  });

  test('every valid request sends x-api-key: {{apiKey}} and Accept-Language: en-US; the key is never in a URL', () => {
    for (const { folder, item } of all) {
      const headers = request(item).header;
      if (folder !== 'Rejections') expect(headers).toEqual(expect.arrayContaining([{ key: 'x-api-key', value: '{{apiKey}}' }, { key: 'Accept-Language', value: 'en-US' }]));
      expect(request(item).url.raw).not.toMatch(/api[-_]?key/i);
      expect(request(item).auth).toBeUndefined();
    }
  });

  test('every request has tests, and getOrderDetail reads the orderName pull-codes set', () => {
    for (const { item } of all) expect(item.event?.[0]?.script.exec.join('\n'), item.name).toContain('pm.test(');
    const pull = all.find(({ item }) => item.name.startsWith('Pull one code'))!.item;
    expect(pull.event![0]!.script.exec.join('\n')).toContain("pm.collectionVariables.set('orderName', body.data.orderName)");
    expect(request(all.find(({ item }) => item.name === 'Read the order just placed')!.item).url.raw).toContain('orderName={{orderName}}');
  });
});
