// Recordings: masked before anything is written (key, cookies, authorization, serial codes), valid HAR 1.2, one file per run.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { recordingTarget } from '../../../src/contract/targets/recording-target.ts';
import { maskSerial } from '../../../src/har/mask.ts';
import { createHarValidator } from '../../../src/har/validate.ts';
import { createHarWriter } from '../../../src/har/writer.ts';
import { fingerprint } from '../../../src/secrets/redact.ts';
import { parseVerifyArgs } from '../../../src/contract/verify/args.ts';
import { ok } from '../../../src/core/result.ts';
import type { Exchange, Target } from '../../../src/contract/targets/target.ts';

const dir = mkdtempSync(join(tmpdir(), 'i10-har-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Built at run time: a distinctive key and serial code that must never reach the file.
const KEY = ['wpx', 'Hh3', 'Zt8Qm2Lk5Vb9Rc4N'].join('-');
const SERIAL = ['ABCD', 'EFGH', 'IJKL', 'MN42'].join('-');

function exchange(url: string, responseBody: string): Exchange {
  return {
    request: { method: 'GET', url, headers: { 'x-api-key': KEY, cookie: 'session=abc', authorization: 'Bearer xyz', 'accept-language': 'en-US' } },
    response: { status: 200, headers: { 'content-type': 'application/json', 'set-cookie': 'session=abc' }, text: responseBody, json: undefined },
    durationMs: 3,
  };
}

describe('HAR writer', () => {
  test('maskSerial keeps the last 4 characters of a code, and nothing of a short one', () => {
    expect(maskSerial(SERIAL)).toBe('***************MN42');
    expect(maskSerial('ABC123')).toBe('******');
  });

  test('a recording holds the key only as its fingerprint, no cookies or authorization, and no full serial code', () => {
    const writer = createHarWriter({ dir, prefix: 'unit' });
    writer.add(exchange('http://127.0.0.1:4010/api/order/detail?orderName=A1', JSON.stringify({ status: true, data: { orderData: [{ serials: [{ serialCode: SERIAL }] }], echo: KEY } })));
    writer.add(exchange(`http://127.0.0.1:4010/api/customer/balance?x-api-key=${KEY}`, '{"status":true}'));
    writer.add(exchange('http://127.0.0.1:4010/api/order/detail?orderName=A2', `{"truncated": [{"serialCode": "${SERIAL}"`));
    const written = writer.close();
    if (!written.ok) throw new Error(written.error.message);
    const text = readFileSync(written.value, 'utf8');
    expect(written.value).toMatch(/unit-\d{8}T\d{6}Z-[0-9a-f]{8}\.har$/);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(SERIAL);
    expect(text).toContain('MN42');
    expect(text).toContain(`[redacted ${fingerprint(KEY)}]`);
    expect(text).not.toMatch(/"(cookie|set-cookie|authorization)"/i);
    expect(createHarValidator()(JSON.parse(text), 'recording').ok).toBe(true);
  });

  test('while running, entries are appended (the file valid, masked) shortly after they arrive, before any close', async () => {
    const own = mkdtempSync(join(dir, 'flush-'));
    const writer = createHarWriter({ dir: own, prefix: 'flush', fileName: 'flush.har', flushMs: 10 });
    writer.add(exchange('http://127.0.0.1:4010/api/order/detail?orderName=A1', JSON.stringify({ status: true, data: { serialCode: SERIAL } })));
    expect(existsSync(join(own, 'flush.har'))).toBe(false); // not on the request path: a timer writes it
    const deadline = Date.now() + 10_000;
    while (!existsSync(join(own, 'flush.har')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const text = readFileSync(join(own, 'flush.har'), 'utf8');
    expect((JSON.parse(text) as { log: { entries: unknown[] } }).log.entries).toHaveLength(1);
    expect(createHarValidator()(JSON.parse(text), 'recording').ok).toBe(true);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(SERIAL);
    expect(readdirSync(own)).toEqual(['flush.har']);
    writer.add(exchange('http://127.0.0.1:4010/api/customer/balance', '{"status":true}'));
    expect(writer.close().ok).toBe(true);
    expect((JSON.parse(readFileSync(join(own, 'flush.har'), 'utf8')) as { log: { entries: unknown[] } }).log.entries).toHaveLength(2);
  });

  test('a write that fails while running is reported through onWriteError (close reports it again), not swallowed', async () => {
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, '');
    const errors: string[] = [];
    const writer = createHarWriter({ dir: notAFolder, prefix: 'x', fileName: 'x.har', flushMs: 1, onWriteError: (e) => errors.push(e.code) });
    writer.add(exchange('http://127.0.0.1:4010/api/customer/balance', '{"status":true}'));
    const deadline = Date.now() + 10_000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(errors).toEqual(['RECORDING_NOT_WRITTEN']);
    expect(writer.close()).toMatchObject({ ok: false, error: { code: 'RECORDING_NOT_WRITTEN' } });
  });

  test('what is written is never written again: later entries are appended, so no string ever holds the whole file (issue 17 #11)', async () => {
    const own = mkdtempSync(join(dir, 'append-'));
    const file = join(own, 'a.har');
    const writer = createHarWriter({ dir: own, prefix: 'a', fileName: 'a.har', flushMs: 1 });
    writer.add(exchange('http://127.0.0.1:4010/api/customer/balance', '{"status":true,"marker":"first"}'));
    const deadline = Date.now() + 5000;
    while (!(existsSync(file) && readFileSync(file, 'utf8').includes('first')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    // Mark the written entry in place (same length). A writer that rewrote the file whole would put "first" back.
    writeFileSync(file, readFileSync(file, 'utf8').replace('first', 'FIRST'));
    for (let i = 0; i < 300; i += 1) writer.add(exchange(`http://127.0.0.1:4010/api/order/detail?orderName=A${i}`, `{"status":true,"n":${i}}`));
    expect(writer.close().ok).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect((JSON.parse(text) as { log: { entries: unknown[] } }).log.entries).toHaveLength(301);
    expect(text).toContain('FIRST');
    expect(text).not.toContain('first');
  });

  test('appends across flushes keep every entry, and the file is whole and valid after each flush', async () => {
    const own = mkdtempSync(join(dir, 'bursts-'));
    const file = join(own, 'bursts.har');
    const writer = createHarWriter({ dir: own, prefix: 'b', fileName: 'bursts.har', flushMs: 1 });
    const counts: number[] = [];
    for (let burst = 0; burst < 3; burst += 1) {
      for (let i = 0; i < 5; i += 1) writer.add(exchange(`http://127.0.0.1:4010/api/order/detail?orderName=B${burst}${i}`, '{"status":true}'));
      const deadline = Date.now() + 5000;
      const want = (burst + 1) * 5;
      let seen = 0;
      while (seen < want && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
        if (existsSync(file)) seen = (JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } }).log.entries.length;
      }
      counts.push(seen);
      expect(createHarValidator()(JSON.parse(readFileSync(file, 'utf8')), 'recording').ok).toBe(true);
    }
    expect(counts).toEqual([5, 10, 15]);
    expect(writer.close().ok).toBe(true);
  });

  test('recordingTarget records every answered exchange and changes nothing', async () => {
    const answer = exchange('http://127.0.0.1:4010/api/customer/balance', '{"status":true}');
    const target = { name: 'mock', baseUrl: 'http://127.0.0.1:4010', apiKey: KEY, readOnly: false, missing: {}, send: async () => ok(answer), close: async () => undefined } as Target;
    const writer = createHarWriter({ dir, prefix: 'target', fileName: 'target.har' });
    const recorded = recordingTarget(target, writer);
    expect(await recorded.send(answer.request)).toEqual(ok(answer));
    expect(recorded.apiKey).toBe(KEY);
    expect(writer.count()).toBe(1);
  });
});

test('npm run verify -- --record DIR is read as an option (the wrapper above does the recording)', () => {
  const parsed = parseVerifyArgs(['--record', 'recordings/'], []);
  expect(parsed.ok && parsed.value.record).toBe('recordings/');
});
