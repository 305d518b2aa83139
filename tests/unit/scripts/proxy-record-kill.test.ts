// `npm run proxy -- --record DIR` killed with SIGKILL (no handler runs) still leaves a valid, masked recording of what it served.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createHarValidator } from '../../../src/har/validate.ts';
import { sampleSteps, sendSampleTraffic } from '../../../src/proxy/sample-traffic.ts';
import { spawnProxy } from '../../support/spawn-proxy.ts';

const dir = mkdtempSync(join(tmpdir(), 'i14-record-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STEPS = sampleSteps().filter((s) => ['balance', 'order one code', 'order detail'].includes(s.name));

/** The recording's entries once it holds `count` of them; every read along the way must be a whole HAR (never a torn write). */
async function entriesOnDisk(count: number, deadlineMs: number): Promise<{ file: string; text: string }> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.har'));
    const text = file ? readFileSync(join(dir, file), 'utf8') : '';
    if (file && (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries.length >= count) return { file, text };
    if (Date.now() > deadline) throw new Error(`no recording with ${count} entries in ${dir} after ${deadlineMs} ms: ${readdirSync(dir).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('SIGKILL after a few requests: the .har on disk is valid HAR 1.2 with those entries, no key, no full serial code', async () => {
  const { child, url } = await spawnProxy(['--upstream', 'mock', '--port', '0', '--record', dir, '--record-flush-ms', '20']);
  const answers = await sendSampleTraffic(url, { steps: STEPS });
  await entriesOnDisk(STEPS.length, 10_000);
  const killed = await new Promise<NodeJS.Signals | null>((done) => {
    child.once('exit', (_code, signal) => done(signal));
    child.kill('SIGKILL');
  });
  expect(killed).toBe('SIGKILL');
  const { file, text } = await entriesOnDisk(STEPS.length, 0);
  expect(readdirSync(dir)).toEqual([file]);
  const har = JSON.parse(text) as { log: { entries: Array<{ request: { url: string } }> } };
  expect(createHarValidator()(har, file).ok).toBe(true);
  expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/api/customer/balance', '/api/order/pull-codes', '/api/order/detail']);
  expect(text).not.toContain(DEMO_ACCOUNTS[0].key);
  const serials = answers.flatMap((a) => JSON.stringify(a.json ?? '').match(/"serialCode":"[^"]+"/g) ?? []).map((s) => s.slice(14, -1));
  expect(serials.length).toBeGreaterThan(0);
  for (const code of serials) expect(text).not.toContain(code);
});
