// Recordings are never lost or redirected (issue 17 #9, #10): two writers in one folder in the same second keep their own
// files, and a planted symlink where the temporary file would go is never followed.
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createHarWriter } from '../../../src/har/writer.ts';

const exchange = { request: { method: 'GET', url: 'http://127.0.0.1:4010/api/customer/balance', headers: {} }, response: { status: 200, headers: { 'content-type': 'application/json' }, text: '{}', json: {} }, durationMs: 1 };

describe('HAR writer files', () => {
  test('two writers started in the same second into one folder each keep all their exchanges', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-har-same-second-'));
    const fixed = () => new Date('2026-12-05T12:00:00Z');
    const a = createHarWriter({ dir, prefix: 'proxy', clock: fixed });
    const b = createHarWriter({ dir, prefix: 'proxy', clock: fixed });
    a.add(exchange);
    b.add(exchange);
    b.add(exchange);
    expect(a.close().ok && b.close().ok).toBe(true);
    expect(a.path).not.toBe(b.path);
    const counts = readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { log: { entries: unknown[] } }).log.entries.length).sort();
    expect(counts).toEqual([1, 2]);
  });

  test('a symlink planted at the old predictable temporary name is left untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-har-symlink-'));
    const victim = join(mkdtempSync(join(tmpdir(), 'wupex-victim-')), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'rec.har.tmp'));
    const writer = createHarWriter({ dir, prefix: 'proxy', fileName: 'rec.har' });
    writer.add(exchange);
    expect(writer.close().ok).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect((JSON.parse(readFileSync(join(dir, 'rec.har'), 'utf8')) as { log: { entries: unknown[] } }).log.entries).toHaveLength(1);
  });
});
