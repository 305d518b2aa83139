// Recordings of any size (issue 17 #11): a burst of entries is written one entry per write, never as one string holding the
// burst (a long burst of large answers passed the 512 MB string limit, and the writer then dropped every later exchange);
// an entry the schema refuses is left out by name while the others are kept.
import { mkdtempSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Exchange } from '../../../src/http/exchange.ts';
import { createHarWriter } from '../../../src/har/writer.ts';

/** The length of every text the writer writes (injected writeText: observed, then written as usual). */
const writes: number[] = [];
const observed = (fd: number, text: string, position: number) => {
  writes.push(text.length);
  writeSync(fd, text, position);
};

const dir = mkdtempSync(join(tmpdir(), 'wupex-har-burst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY_TEXT = 'x'.repeat(20_000);
const exchange = (i: number, status = 200): Exchange => ({
  request: { method: 'GET', url: `http://127.0.0.1:4010/api/order/detail?orderName=A${i}`, headers: { 'accept-language': 'en-US' } },
  response: { status, headers: { 'content-type': 'application/json' }, text: `{"status":true,"data":"${ENTRY_TEXT}"}`, json: undefined },
  durationMs: 1,
});

test('a burst is written one entry at a time (no write holds two entries); an entry HAR 1.2 refuses is left out and named, the others kept', () => {
  const writer = createHarWriter({ dir, prefix: 'burst', flushMs: 60_000, writeText: observed });
  for (let i = 0; i < 12; i += 1) writer.add(exchange(i, i === 5 ? 200.5 : 200)); // 200.5: not an integer status, refused by the schema
  const closed = writer.close();
  expect(closed.ok ? 'written' : closed.error.code).toBe('RECORDING_ENTRY_INVALID');
  expect(closed.ok ? '' : closed.error.message).toContain('GET http://127.0.0.1:4010/api/order/detail?orderName=A5 was left out');
  expect(writes.length).toBeGreaterThanOrEqual(11);
  expect(Math.max(...writes)).toBeLessThan(2 * ENTRY_TEXT.length);
  const har = JSON.parse(readFileSync(writer.path, 'utf8'));
  expect(har.log.entries.map((e: { request: { url: string } }) => e.request.url.split('=')[1])).toEqual(['A0', 'A1', 'A2', 'A3', 'A4', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11']);
});
