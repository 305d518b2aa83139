// `--watch`: an edited example in a copy of the spec folder is served without restarting; a broken spec is refused and the old one kept.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { watchTwin } from '../../../mocks/watch.ts';
import { PACKAGE_ROOT } from '../../../src/core/package-root.ts';
import { ALPHA } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'i11-watch-'));
const example = join(dir, 'openapi/examples/errors/too-many-requests.json');
const logs: string[] = [];
let server: MockServer;
let stop: () => void;

beforeAll(async () => {
  cpSync(resolve(PACKAGE_ROOT, 'openapi'), join(dir, 'openapi'), { recursive: true });
  server = await createMockServer({ specPath: join(dir, 'openapi/wupex.yaml') });
  stop = watchTwin({ server, paths: [join(dir, 'openapi')], log: (line) => logs.push(line), debounceMs: 30 });
});
afterAll(async () => {
  stop();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const message429 = async (): Promise<string> => {
  const response = await server.fetch(new Request('http://twin.test/api/customer/balance', { headers: { 'x-api-key': ALPHA.key, 'accept-language': 'en-US', prefer: 'code=429' } }));
  return ((await response.json()) as { error: { message: string } }).error.message;
};

/** Poll until `want` holds; the deadline has margin for a loaded machine, the time taken is returned. */
async function waitFor(want: () => Promise<boolean>, deadlineMs = 5_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < deadlineMs) {
    if (await want()) return performance.now() - started;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`not picked up within ${deadlineMs} ms; logs: ${logs.join(' | ')}`);
}

test('an edited example is served after the reload, and a broken spec is refused while the old one keeps serving', async () => {
  const original = JSON.parse(readFileSync(example, 'utf8'));
  writeFileSync(example, JSON.stringify({ ...original, value: { ...original.value, error: { ...original.value.error, message: 'Edited while watching.' } } }));
  await waitFor(async () => (await message429()) === 'Edited while watching.');
  expect(logs.at(-1)).toMatch(/^\[wupex-mock\] reloaded after a change to openapi\/examples\/errors\/too-many-requests\.json/);

  writeFileSync(join(dir, 'openapi/wupex.yaml'), 'openapi: 3.1.0\npaths: [unclosed\n');
  await waitFor(async () => logs.some((l) => l.includes('RELOAD_REFUSED')));
  expect(logs.find((l) => l.includes('RELOAD_REFUSED'))).toMatch(/Still serving the previous version\.$/);
  expect(await message429()).toBe('Edited while watching.');
});
